package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The catalog's product model on the real assembly in demo mode, over REST with the real roles: the demo
 * category tree with product counts (created and renamed by editors only), a designer's edit followed by a
 * content specialist's stale edit (409 naming the designer and when), the edit history with both versions'
 * changes, and text search by a Chinese character pair and by the start of an English word.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogProductIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoDataReady() {
        waitForDemoProducts();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int count(String json, String needle) {
        int n = 0;
        for (int i = json.indexOf(needle); i >= 0; i = json.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    public void theDemoCatalogHasATreeWithCountsAndAFewHundredBilingualProducts() {
        HttpResult tree = http("GET", "/api/catalog/categories", null, as("planner"));
        assertEquals(tree.toString(), 200, tree.status());
        assertTrue(tree.body(), tree.body().startsWith("{\"items\":[{\"path\":\"tea\",\"parentPath\":null,\"nameZh\":\"茶叶\","
                + "\"nameEn\":\"Tea\""));
        assertTrue(tree.body(), tree.body().contains("\"children\":[{\"path\":\"tea/green\",\"parentPath\":\"tea\",\"nameZh\":\"绿茶\""));
        long teaTotal = Long.parseLong(field(tree.body(), "totalCount"));
        assertTrue("tea and its sub-categories hold many products: " + teaTotal, teaTotal > 50);

        long products = 0;
        String after = null;
        for (int page = 0; page < 10; page++) {
            HttpResult list = http("GET", "/api/catalog/products?limit=200" + (after == null ? "" : "&after=" + after), null, as("planner"));
            assertEquals(list.toString(), 200, list.status());
            products += count(list.body(), "\"sku\":");
            after = list.body().endsWith("\"next\":null}") ? null : field(list.body(), "next");
            if (after == null) {
                break;
            }
        }
        assertTrue("a few hundred demo products: " + products, products >= 280);

        String tea = http("GET", "/api/catalog/products/TEA-AJB-100", null, as("planner")).body();
        assertEquals("安吉白茶 100克 罐装", field(tea, "titleZh"));
        assertEquals("Anji white-leaf tea, 100 g tin", field(tea, "titleEn"));
        assertTrue(tea, tea.contains("{\"nameZh\":\"产地\",\"nameEn\":\"Origin\",\"valueZh\":\"浙江安吉\",\"valueEn\":\"Anji, Zhejiang\"}"));
        assertTrue(tea, tea.contains("\"price\":{\"amount\":\""));

        HttpResult inTea = http("GET", "/api/catalog/products?category=tea&limit=200", null, as("planner"));
        assertTrue("sub-categories are included", inTea.body().contains("\"category\":\"tea/green\"")
                && inTea.body().contains("\"category\":\"tea/black\""));
        assertFalse(inTea.body().contains("\"category\":\"snacks/"));

        HttpResult denied = http("POST", "/api/catalog/categories", "{\"path\":\"tea/yellow\",\"nameZh\":\"黄茶\",\"nameEn\":\"Yellow tea\"}",
                as("planner"));
        assertEquals(denied.toString(), 403, denied.status());
        HttpResult created = http("POST", "/api/catalog/categories", "{\"path\":\"tea/yellow\",\"nameZh\":\"黄茶\",\"nameEn\":\"Yellow tea\"}",
                as("specialist"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("tea", field(created.body(), "parentPath"));
        HttpResult orphan = http("POST", "/api/catalog/categories", "{\"path\":\"toys/kites\",\"nameZh\":\"风筝\",\"nameEn\":\"Kites\"}",
                as("specialist"));
        assertEquals(orphan.toString(), 400, orphan.status());
        HttpResult renamed = http("PUT", "/api/catalog/categories/tea/yellow", "{\"nameZh\":\"黄茶类\",\"nameEn\":\"Yellow teas\","
                + "\"version\":1}", as("designer"));
        assertEquals(renamed.toString(), 200, renamed.status());
        assertEquals("Yellow teas", field(renamed.body(), "nameEn"));
        HttpResult unknown = http("POST", "/api/catalog/products", "{\"sku\":\"IT-CAT-1\",\"titleZh\":\"测试\",\"titleEn\":\"Test\","
                + "\"category\":\"toys\",\"price\":{\"amount\":\"9.90\",\"currency\":\"CNY\"}}", as("specialist"));
        assertEquals(unknown.toString(), 400, unknown.status());
        assertTrue(unknown.body(), unknown.body().contains("\"category\":\"unknown: toys\""));
    }

    @Test
    public void aStaleEditNamesTheDesignerAndTheHistoryShowsBothVersions() {
        String sku = "TEA-HSMF-250";
        String product = http("GET", "/api/catalog/products/" + sku, null, as("designer")).body();
        String version = field(product, "version");
        String designerEdit = "{\"titleZh\":\"黄山毛峰 特级 250克 礼盒\",\"titleEn\":\"Huangshan Maofeng, special grade, 250 g gift box\","
                + "\"category\":\"tea/green\",\"version\":" + version + ",\"attributes\":[{\"nameZh\":\"产地\",\"nameEn\":\"Origin\","
                + "\"valueZh\":\"安徽黄山汤口\",\"valueEn\":\"Tangkou, Huangshan, Anhui\"},{\"nameZh\":\"等级\",\"nameEn\":\"Grade\","
                + "\"valueZh\":\"特级\",\"valueEn\":\"Special\"}]}";
        HttpResult edited = http("PUT", "/api/catalog/products/" + sku, designerEdit, as("designer"));
        assertEquals(edited.toString(), 200, edited.status());
        String newVersion = field(edited.body(), "version");

        String specialistEdit = "{\"titleZh\":\"黄山毛峰 250克\",\"titleEn\":\"Huangshan Maofeng, 250 g\",\"category\":\"tea/green\","
                + "\"version\":" + version + "}";
        HttpResult stale = http("PUT", "/api/catalog/products/" + sku, specialistEdit, as("specialist"));
        assertEquals(stale.toString(), 409, stale.status());
        assertEquals("conflict", field(stale.body(), "error"));
        assertTrue(stale.body(), field(stale.body(), "message").matches("product " + sku
                + " was changed by designer at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, reload"));
        assertEquals("designer", field(stale.body(), "changedBy"));
        assertTrue(stale.body(), field(stale.body(), "changedAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00"));
        assertTrue(stale.body(), stale.body().contains("已被 designer 于"));

        HttpResult history = http("GET", "/api/catalog/products/" + sku + "/history", null, as("planner"));
        assertEquals(history.toString(), 200, history.status());
        String h = history.body();
        assertTrue(h, h.startsWith("{\"items\":[{\"version\":" + newVersion + ",\"action\":\"edited\",\"changedBy\":\"designer\","));
        assertTrue(h, h.contains("{\"field\":\"titleZh\",\"old\":\"黄山毛峰 250克 礼盒\",\"new\":\"黄山毛峰 特级 250克 礼盒\"}"));
        assertTrue(h, h.contains("{\"field\":\"attribute:产地/Origin\",\"old\":\"安徽黄山/Huangshan, Anhui\","
                + "\"new\":\"安徽黄山汤口/Tangkou, Huangshan, Anhui\"}"));
        assertTrue(h, h.contains("{\"field\":\"attribute:包装/Package\",\"old\":\"礼盒/Gift box\",\"new\":null}"));
        assertTrue(h, h.contains("{\"field\":\"attribute:等级/Grade\",\"old\":null,\"new\":\"特级/Special\"}"));
        assertTrue(h, h.contains("\"version\":" + version + ",\"action\":\"created\",\"changedBy\":\"system\""));
        assertTrue(h, h.contains("{\"field\":\"titleEn\",\"old\":null,\"new\":\"Huangshan Maofeng, 250 g gift box\"}"));
        assertFalse("the refused edit left no trace", h.contains("\"changedBy\":\"specialist\""));

        HttpResult audit = http("GET", "/api/audit?subject=product:" + sku + "&action=catalog.product.edited", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("titleZh '黄山毛峰 250克 礼盒' → '黄山毛峰 特级 250克 礼盒'"));

        // the edited title is searchable at once, the old wording of it no more
        HttpResult special = http("GET", "/api/catalog/products?q=" + q("special maofeng"), null, as("planner"));
        assertTrue(special.body(), special.body().contains("\"sku\":\"" + sku + "\"") && count(special.body(), "\"sku\":") == 1);
    }

    @Test
    public void searchFindsAChinesePairAndAnEnglishWordPrefix() {
        HttpResult pair = http("GET", "/api/catalog/products?q=" + q("白茶") + "&limit=50", null, as("planner"));
        assertEquals(pair.toString(), 200, pair.status());
        for (String sku : new String[] {"TEA-AJB-050", "TEA-AJB-100", "TEA-AJB-250", "TEA-AJB-500"}) {
            assertTrue(sku + " in " + pair.body(), pair.body().contains("\"sku\":\"" + sku + "\""));
        }
        assertFalse(pair.body(), pair.body().contains("\"sku\":\"TEA-QMHC-100\""));

        HttpResult prefix = http("GET", "/api/catalog/products?q=keem&status=listed&limit=50", null, as("planner"));
        assertEquals(prefix.toString(), 200, prefix.status());
        assertTrue(prefix.body(), prefix.body().contains("\"titleEn\":\"Keemun black tea, 250 g gift box\""));
        assertEquals(prefix.body(), count(prefix.body(), "\"sku\":"), count(prefix.body(), "\"sku\":\"TEA-QMHC-"));

        HttpResult single = http("GET", "/api/catalog/products?q=" + q("蜜") + "&limit=200", null, as("planner"));
        assertTrue(single.body(), single.body().contains("\"sku\":\"PAN-ZHM-250\"") && single.body().contains("\"sku\":\"HNY-ZS-500\""));

        HttpResult paged = http("GET", "/api/catalog/products?q=tea&limit=5", null, as("planner"));
        assertEquals(5, count(paged.body(), "\"sku\":"));
        String next = field(paged.body(), "next");
        HttpResult second = http("GET", "/api/catalog/products?q=tea&limit=5&after=" + next, null, as("planner"));
        assertEquals(5, count(second.body(), "\"sku\":"));
        assertFalse(second.body().contains("\"sku\":\"" + next + "\""));
    }
}
