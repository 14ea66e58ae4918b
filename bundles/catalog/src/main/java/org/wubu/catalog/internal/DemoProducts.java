package org.wubu.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/**
 * Demo mode only: a category tree and about 300 products in both languages (30 written by hand, the rest
 * built from {@link DemoAssortment}), created once; existing SKUs are never touched.
 */
final class DemoProducts {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProducts.class);

    /** SKU, Chinese title, English title, category, price, stock. */
    static final String[][] PRODUCTS = {
        {"TEA-LJ-250", "西湖龙井 明前特级 250克", "West Lake Longjing, pre-Qingming grade, 250 g", "tea/green", "268.00", "40"},
        {"TEA-BLC-100", "洞庭碧螺春 100克", "Dongting Biluochun, 100 g", "tea/green", "128.00", "60"},
        {"TEA-TGY-250", "安溪铁观音 清香型 250克", "Anxi Tieguanyin, light roast, 250 g", "tea/oolong", "158.00", "45"},
        {"TEA-DHP-125", "武夷山大红袍 125克", "Wuyi Da Hong Pao, 125 g", "tea/oolong", "198.00", "30"},
        {"TEA-PE-357", "云南普洱熟茶饼 357克", "Yunnan ripe Pu'er cake, 357 g", "tea/dark", "238.00", "25"},
        {"TEA-BH-100", "福鼎白毫银针 100克", "Fuding Silver Needle white tea, 100 g", "tea/white", "318.00", "20"},
        {"TEA-JSM-200", "福州茉莉花茶 200克", "Fuzhou jasmine tea, 200 g", "tea/scented", "88.00", "80"},
        {"TEA-SET-GF", "功夫茶具套装 白瓷 8件", "Gongfu tea set, white porcelain, 8 pieces", "teaware/sets", "199.00", "15"},
        {"TEA-YX-POT", "宜兴紫砂壶 西施 200毫升", "Yixing clay teapot, Xishi shape, 200 ml", "teaware/pots", "468.00", "8"},
        {"MUG-CER-01", "手绘陶瓷马克杯 350毫升", "Hand-painted ceramic mug, 350 ml", "teaware/cups", "59.00", "5"},
        {"SNK-YB-500", "云南野生核桃仁 500克", "Wild Yunnan walnut kernels, 500 g", "snacks/nuts", "79.00", "70"},
        {"SNK-HZ-400", "新疆和田大枣 400克", "Hotan red dates from Xinjiang, 400 g", "snacks/dried-fruit", "49.90", "90"},
        {"SNK-PX-300", "吐鲁番无核白葡萄干 300克", "Turpan seedless raisins, 300 g", "snacks/dried-fruit", "36.00", "100"},
        {"SNK-YP-250", "潮汕牛肉干 五香 250克", "Chaoshan beef jerky, five-spice, 250 g", "snacks/meat", "68.00", "50"},
        {"SNK-MJ-200", "北京果脯礼盒 200克", "Beijing candied fruit gift box, 200 g", "snacks/sweets", "45.00", "40"},
        {"SNK-YS-12", "广式月饼 莲蓉蛋黄 12枚", "Cantonese mooncakes, lotus paste and yolk, 12 pieces", "snacks/sweets", "188.00", "12"},
        {"GRN-WCM-5KG", "五常稻花香大米 5千克", "Wuchang Daohuaxiang rice, 5 kg", "pantry/rice", "99.00", "35"},
        {"GRN-XM-2KG", "山西小米 2千克", "Shanxi millet, 2 kg", "pantry/grains", "42.00", "55"},
        {"OIL-HS-1L", "古法压榨花生油 1升", "Cold-pressed peanut oil, 1 l", "pantry/oil", "56.00", "45"},
        {"SAU-LJ-500", "老抽王酱油 500毫升", "Premium dark soy sauce, 500 ml", "pantry/sauces", "18.80", "120"},
        {"SAU-ZJ-420", "镇江香醋 六年陈 420毫升", "Zhenjiang black vinegar, 6 years, 420 ml", "pantry/sauces", "26.00", "90"},
        {"SAU-LGM-280", "老干妈风味豆豉油辣椒 280克", "Lao Gan Ma chili crisp with black beans, 280 g", "pantry/sauces", "15.50", "150"},
        {"HNY-ZS-500", "秦岭土蜂蜜 500克", "Qinling mountain wild honey, 500 g", "pantry/honey", "128.00", "30"},
        {"SLK-SC-01", "杭州真丝方巾 90厘米", "Hangzhou silk square scarf, 90 cm", "gifts/silk", "298.00", "18"},
        {"GFT-FZ-01", "苏绣团扇 花鸟", "Suzhou embroidered round fan, flowers and birds", "gifts/crafts", "258.00", "10"},
        {"GFT-BJ-01", "景泰蓝手镯", "Cloisonné bangle", "gifts/crafts", "168.00", "14"},
        {"GFT-BZ-01", "竹编收纳篮 中号", "Woven bamboo basket, medium", "home/storage", "69.00", "25"},
        {"HOM-CX-01", "蚕丝被 春秋款 200×230", "Mulberry silk duvet, spring/autumn, 200×230", "home/bedding", "899.00", "6"},
        {"HOM-XZ-01", "檀香线香 100支", "Sandalwood incense sticks, 100 pieces", "home/fragrance", "39.00", "75"},
        {"BOK-SC-01", "宣纸书法练习套装", "Xuan paper calligraphy practice set", "stationery/calligraphy", "86.00", "22"},
    };

    /** The category tree of the demo shop: path, Chinese name, English name (parents first). */
    static final String[][] CATEGORIES = {
        {"tea", "茶叶", "Tea"},
        {"tea/green", "绿茶", "Green tea"},
        {"tea/oolong", "乌龙茶", "Oolong tea"},
        {"tea/black", "红茶", "Black tea"},
        {"tea/white", "白茶", "White tea"},
        {"tea/dark", "黑茶", "Dark tea"},
        {"tea/scented", "花茶", "Scented tea"},
        {"teaware", "茶具", "Teaware"},
        {"teaware/pots", "茶壶", "Teapots"},
        {"teaware/cups", "茶杯", "Cups"},
        {"teaware/sets", "茶具套装", "Tea sets"},
        {"snacks", "休闲零食", "Snacks"},
        {"snacks/nuts", "坚果", "Nuts"},
        {"snacks/dried-fruit", "果干", "Dried fruit"},
        {"snacks/meat", "肉干肉脯", "Jerky"},
        {"snacks/sweets", "糕点糖果", "Pastries and sweets"},
        {"pantry", "粮油调味", "Pantry"},
        {"pantry/rice", "大米", "Rice"},
        {"pantry/grains", "杂粮", "Grains and beans"},
        {"pantry/oil", "食用油", "Cooking oil"},
        {"pantry/sauces", "调味品", "Sauces and seasonings"},
        {"pantry/honey", "蜂蜜", "Honey"},
        {"kitchenware", "厨具", "Kitchenware"},
        {"kitchenware/woks", "炒锅", "Woks"},
        {"kitchenware/knives", "刀具", "Knives"},
        {"kitchenware/steamers", "蒸锅蒸笼", "Steamers"},
        {"kitchenware/tableware", "餐具", "Tableware"},
        {"gifts", "礼品", "Gifts"},
        {"gifts/silk", "丝绸", "Silk"},
        {"gifts/crafts", "手工艺品", "Crafts"},
        {"home", "家居", "Home"},
        {"home/storage", "收纳", "Storage"},
        {"home/bedding", "床上用品", "Bedding"},
        {"home/fragrance", "香薰", "Fragrance"},
        {"stationery", "文房用品", "Stationery"},
        {"stationery/calligraphy", "书法用品", "Calligraphy"},
    };

    private DemoProducts() {
    }

    /** The demo products: the hand-written ones above, then the generated assortment ({@link DemoAssortment}). */
    static List<CatalogStore.Seed> all() {
        List<CatalogStore.Seed> out = new ArrayList<>();
        for (String[] p : PRODUCTS) {
            out.add(new CatalogStore.Seed(new ProductDraft(p[0], p[1], p[2], p[1] + "。五步商城精选。", p[2] + ". Selected by Wubu.", p[3],
                    Money.cny(p[4])), ProductStatus.LISTED, Long.parseLong(p[5])));
        }
        out.addAll(DemoAssortment.products());
        return out;
    }

    /**
     * Creates the demo categories and products that are missing, in one transaction: a fresh demo shop gets
     * them all at once, a restart (or a shop that already has them) changes nothing.
     */
    static void ensure(CatalogStore catalog) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        long t0 = System.nanoTime();
        List<CatalogStore.Seed> products = all();
        int created = catalog.seed(Caller.SYSTEM, Arrays.asList(CATEGORIES), products);
        if (created > 0) {
            LOG.info("Created {} demo products in {} ms", created, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
