package org.wubu.catalog.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovementKind;

/** The catalog pages are complete in zh-CN and English, and their modules only use keys that exist. */
public class CatalogTextsTest {

    private static final Path MODULES = Path.of("src/main/resources/catalog-console");

    @Test
    public void bothLanguagesHaveTheSameKeys() {
        assertEquals(CatalogTexts.read("zh-CN").keySet(), CatalogTexts.read("en").keySet());
        for (String tag : List.of("zh-CN", "en")) {
            CatalogTexts.read(tag).forEach((k, v) -> assertTrue(tag + " " + k, !v.isBlank() && k.startsWith("catalog.")));
        }
    }

    @Test
    public void theModulesUseOnlyKnownKeys() throws IOException {
        Map<String, String> en = CatalogTexts.read("en");
        try (Stream<Path> files = Files.list(MODULES)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'[,)]").matcher(Files.readString(js, StandardCharsets.UTF_8));
                while (m.find()) {
                    assertTrue(js.getFileName() + " uses a missing text " + m.group(1), en.containsKey(m.group(1)));
                }
            }
        }
    }

    @Test
    public void everyStatusAndKindTheApiSendsHasItsText() {
        Map<String, String> en = CatalogTexts.read("en");
        for (ProductStatus s : ProductStatus.values()) {
            assertTrue(s.name(), en.containsKey("catalog.status." + s.name()));
        }
        for (PriceProposalStatus s : PriceProposalStatus.values()) {
            assertTrue(s.name(), en.containsKey("catalog.proposal.status." + s.name()));
        }
        for (StockMovementKind k : StockMovementKind.values()) {
            assertTrue(k.name(), en.containsKey("catalog.movement.kind." + k.name()));
        }
    }

    @Test
    public void titlesAndScripts() {
        ProductsPage products = new ProductsPage();
        assertEquals("Products", products.title(Locale.ENGLISH));
        assertEquals("商品", products.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("/console/pages/catalog/products.js", products.script());
        PriceChangesPage prices = new PriceChangesPage();
        assertEquals("调价", prices.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("/console/pages/catalog/prices.js", prices.script());
        for (String module : List.of("products.js", "prices.js", "common.js")) {
            assertTrue(module, Files.isRegularFile(MODULES.resolve(module)));
        }
    }
}
