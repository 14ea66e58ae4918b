package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wubu.catalog.api.ProductAttribute;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Money;

/**
 * The building blocks of the demo catalog: product families (a tea, a snack, a wok ...) with their origin and
 * what is special about them, each sold in several sizes, packages or finishes. Every family times its
 * variants gives one product with bilingual titles, descriptions and attributes. Everything is derived from
 * these tables (prices from the family's base price and the variant's factor; stock from the SKU's hash), so
 * the demo catalog is the same on every start.
 */
final class DemoAssortment {

    /** One way a family is sold: labels, SKU suffix, price factor against the family's base price. */
    record Variant(String zh, String en, String suffix, String factor, String packageZh, String packageEn) {
    }

    /** How a family's variants differ, the attribute that names the difference, and the variants. */
    record Kind(String attributeZh, String attributeEn, List<Variant> variants) {
    }

    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("tea", new Kind("净含量", "Net weight", List.of(
                    new Variant("50克 袋装", "50 g bag", "050", "0.24", "袋装", "Bag"),
                    new Variant("100克 罐装", "100 g tin", "100", "0.44", "罐装", "Tin"),
                    new Variant("250克 礼盒", "250 g gift box", "250", "1.00", "礼盒", "Gift box"),
                    new Variant("500克 礼盒", "500 g gift box", "500", "1.90", "礼盒", "Gift box")))),
            Map.entry("snack", new Kind("净含量", "Net weight", List.of(
                    new Variant("100克", "100 g", "100", "0.45", "袋装", "Bag"),
                    new Variant("250克", "250 g", "250", "1.00", "袋装", "Bag"),
                    new Variant("500克", "500 g", "500", "1.85", "罐装", "Jar"),
                    new Variant("1千克 家庭装", "1 kg family pack", "1K", "3.40", "箱装", "Carton")))),
            Map.entry("grain", new Kind("净含量", "Net weight", List.of(
                    new Variant("1千克", "1 kg", "1K", "0.25", "真空袋", "Vacuum bag"),
                    new Variant("2.5千克", "2.5 kg", "2K5", "0.55", "真空袋", "Vacuum bag"),
                    new Variant("5千克", "5 kg", "5K", "1.00", "编织袋", "Woven sack")))),
            Map.entry("liquid", new Kind("容量", "Volume", List.of(
                    new Variant("500毫升", "500 ml", "500", "0.55", "玻璃瓶", "Glass bottle"),
                    new Variant("1升", "1 l", "1L", "1.00", "玻璃瓶", "Glass bottle"),
                    new Variant("2.5升", "2.5 l", "2L5", "2.30", "桶装", "Can")))),
            Map.entry("jar", new Kind("净含量", "Net weight", List.of(
                    new Variant("100克", "100 g", "100", "0.45", "玻璃瓶", "Glass jar"),
                    new Variant("250克", "250 g", "250", "1.00", "玻璃瓶", "Glass jar"),
                    new Variant("500克", "500 g", "500", "1.80", "玻璃瓶", "Glass jar")))),
            Map.entry("glaze", new Kind("釉色", "Glaze", List.of(
                    new Variant("青瓷", "celadon", "QC", "1.00", "彩盒", "Gift box"),
                    new Variant("白瓷", "white porcelain", "BC", "0.90", "彩盒", "Gift box"),
                    new Variant("汝窑天青", "Ru ware, sky blue", "RY", "1.40", "锦盒", "Brocade box")))),
            Map.entry("glass", new Kind("容量", "Volume", List.of(
                    new Variant("200毫升", "200 ml", "200", "1.00", "彩盒", "Box"),
                    new Variant("300毫升", "300 ml", "300", "1.20", "彩盒", "Box"),
                    new Variant("500毫升", "500 ml", "500", "1.50", "彩盒", "Box")))),
            Map.entry("kettle", new Kind("容量", "Volume", List.of(
                    new Variant("0.8升", "0.8 l", "08", "1.00", "彩盒", "Box"),
                    new Variant("1.2升", "1.2 l", "12", "1.30", "彩盒", "Box"),
                    new Variant("1.6升", "1.6 l", "16", "1.60", "彩盒", "Box")))),
            Map.entry("wok", new Kind("规格", "Size", List.of(
                    new Variant("28厘米", "28 cm", "28", "0.90", "纸箱", "Carton"),
                    new Variant("30厘米", "30 cm", "30", "1.00", "纸箱", "Carton"),
                    new Variant("32厘米", "32 cm", "32", "1.15", "纸箱", "Carton"),
                    new Variant("34厘米", "34 cm", "34", "1.30", "纸箱", "Carton")))),
            Map.entry("steamer", new Kind("规格", "Size", List.of(
                    new Variant("20厘米", "20 cm", "20", "0.70", "纸箱", "Carton"),
                    new Variant("24厘米", "24 cm", "24", "0.85", "纸箱", "Carton"),
                    new Variant("28厘米", "28 cm", "28", "1.00", "纸箱", "Carton")))),
            Map.entry("knife", new Kind("款式", "Style", List.of(
                    new Variant("切片刀", "slicing knife", "QP", "1.00", "礼盒", "Gift box"),
                    new Variant("斩骨刀", "cleaver", "ZG", "1.20", "礼盒", "Gift box"),
                    new Variant("桑刀", "mulberry-leaf knife", "SD", "1.10", "礼盒", "Gift box")))),
            Map.entry("service", new Kind("规格", "Size", List.of(
                    new Variant("4人份", "for 4", "4P", "0.70", "礼盒", "Gift box"),
                    new Variant("6人份", "for 6", "6P", "1.00", "礼盒", "Gift box"),
                    new Variant("10人份", "for 10", "10P", "1.60", "礼盒", "Gift box")))),
            Map.entry("colour", new Kind("颜色", "Colour", List.of(
                    new Variant("朱红", "vermilion", "RED", "1.00", "礼盒", "Gift box"),
                    new Variant("黛青", "indigo", "BLU", "1.00", "礼盒", "Gift box"),
                    new Variant("月白", "moon white", "WHT", "1.00", "礼盒", "Gift box")))),
            Map.entry("bed", new Kind("规格", "Size", List.of(
                    new Variant("1.5米床", "for a 1.5 m bed", "150", "1.00", "礼盒", "Gift box"),
                    new Variant("1.8米床", "for a 1.8 m bed", "180", "1.20", "礼盒", "Gift box"),
                    new Variant("2.0米床", "for a 2.0 m bed", "200", "1.35", "礼盒", "Gift box")))),
            Map.entry("size", new Kind("规格", "Size", List.of(
                    new Variant("小号", "small", "S", "0.70", "纸箱", "Carton"),
                    new Variant("中号", "medium", "M", "1.00", "纸箱", "Carton"),
                    new Variant("大号", "large", "L", "1.35", "纸箱", "Carton")))),
            Map.entry("scent", new Kind("香型", "Scent", List.of(
                    new Variant("檀香", "sandalwood", "TX", "1.00", "礼盒", "Gift box"),
                    new Variant("沉香", "agarwood", "CX", "1.60", "礼盒", "Gift box"),
                    new Variant("桂花", "osmanthus", "GH", "0.90", "礼盒", "Gift box")))),
            Map.entry("brush", new Kind("规格", "Size", List.of(
                    new Variant("小楷", "small regular script", "XK", "0.80", "笔盒", "Brush case"),
                    new Variant("中楷", "medium regular script", "ZK", "1.00", "笔盒", "Brush case"),
                    new Variant("大楷", "large regular script", "DK", "1.40", "笔盒", "Brush case")))),
            Map.entry("ink", new Kind("净含量", "Net weight", List.of(
                    new Variant("30克", "30 g", "30", "0.60", "锦盒", "Brocade box"),
                    new Variant("60克", "60 g", "60", "1.00", "锦盒", "Brocade box"),
                    new Variant("125克", "125 g", "125", "1.80", "锦盒", "Brocade box")))),
            Map.entry("inkstone", new Kind("规格", "Size", List.of(
                    new Variant("4寸", "4-inch", "4C", "0.60", "锦盒", "Brocade box"),
                    new Variant("6寸", "6-inch", "6C", "1.00", "锦盒", "Brocade box"),
                    new Variant("8寸", "8-inch", "8C", "1.70", "锦盒", "Brocade box")))),
            Map.entry("sheets", new Kind("数量", "Quantity", List.of(
                    new Variant("50张", "50 sheets", "50", "0.55", "纸包", "Paper wrap"),
                    new Variant("100张", "100 sheets", "100", "1.00", "纸包", "Paper wrap"),
                    new Variant("300张", "300 sheets", "300", "2.70", "纸箱", "Carton")))));

    /**
     * SKU prefix | category | kind | Chinese name | English name | origin zh | origin en | what is special zh | en |
     * base price (CNY, for the variant of factor 1) | material zh | material en (non-food only).
     */
    static final String[] FAMILIES = {
        "TEA-AJB|tea/green|tea|安吉白茶|Anji white-leaf tea|浙江安吉|Anji, Zhejiang|叶白脉绿，鲜爽回甘|pale leaves with a fresh, sweet finish|298",
        "TEA-HSMF|tea/green|tea|黄山毛峰|Huangshan Maofeng|安徽黄山|Huangshan, Anhui|芽叶肥壮，兰香清幽|plump buds with an orchid aroma|188",
        "TEA-LAGP|tea/green|tea|六安瓜片|Lu'an Guapian|安徽六安|Lu'an, Anhui|单片成茶，滋味浓醇|single-leaf tea with a rich, mellow taste|228",
        "TEA-XYMJ|tea/green|tea|信阳毛尖|Xinyang Maojian|河南信阳|Xinyang, Henan|条索细直，汤色嫩绿|fine straight leaves and a bright green liquor|168",
        "TEA-ESYL|tea/green|tea|恩施玉露|Enshi Yulu steamed green tea|湖北恩施|Enshi, Hubei|蒸青工艺，色绿如玉|steamed the traditional way, jade green|208",
        "TEA-FHDC|tea/oolong|tea|凤凰单丛 蜜兰香|Phoenix Dancong, honey orchid|广东潮州|Chaozhou, Guangdong|蜜香浓郁，山韵明显|rich honey notes with a mountain character|258",
        "TEA-DDWL|tea/oolong|tea|冻顶乌龙|Dong Ding oolong|台湾南投|Nantou, Taiwan|焙火适中，熟果香|a medium roast with ripe fruit notes|328",
        "TEA-WYRG|tea/oolong|tea|武夷肉桂|Wuyi Rougui rock tea|福建武夷山|Wuyi Mountains, Fujian|岩骨花香，桂皮辛香|rock-tea minerality and a cinnamon spice|368",
        "TEA-AHQL|tea/dark|tea|安化黑茶 千两茶|Anhua dark tea, Qianliang|湖南安化|Anhua, Hunan|陈香醇厚，越陈越香|a deep aged aroma that improves with age|198",
        "TEA-LBC|tea/dark|tea|梧州六堡茶|Wuzhou Liubao tea|广西梧州|Wuzhou, Guangxi|槟榔香，汤色红浓|a betel-nut aroma and a deep red liquor|218",
        "TEA-FDSM|tea/white|tea|福鼎寿眉|Fuding Shoumei white tea|福建福鼎|Fuding, Fujian|枣香甜润，可煮可泡|jujube sweetness, to brew or to simmer|138",
        "TEA-ZHBMD|tea/white|tea|政和白牡丹|Zhenghe White Peony tea|福建政和|Zhenghe, Fujian|一芽两叶，毫香蜜韵|one bud and two leaves, downy and honeyed|188",
        "TEA-QMHC|tea/black|tea|祁门红茶|Keemun black tea|安徽祁门|Qimen, Anhui|祁门香，鲜甜醇和|the famous Keemun aroma, smooth and sweet|198",
        "TEA-DHJY|tea/black|tea|滇红金芽|Dianhong golden buds|云南凤庆|Fengqing, Yunnan|金毫显露，蜜香馥郁|golden tips with a rich honey fragrance|238",
        "TEA-ZSXZ|tea/black|tea|正山小种|Lapsang souchong|福建桐木关|Tongmu, Fujian|松烟香，桂圆汤|pine-smoked, with a longan note|208",
        "TEA-GHWL|tea/scented|tea|桂花乌龙|Osmanthus oolong|广西桂林|Guilin, Guangxi|桂花窨制，甜香宜人|scented with osmanthus, sweet and gentle|98",
        "WARE-GW|teaware/cups|glaze|盖碗 150毫升|Gaiwan lidded bowl, 150 ml|江西景德镇|Jingdezhen, Jiangxi|薄胎细瓷，出汤利落|thin porcelain that pours cleanly|88|陶瓷|Ceramic",
        "WARE-PMB|teaware/cups|glaze|品茗杯 六只装|Tasting cups, set of 6|江西景德镇|Jingdezhen, Jiangxi|杯壁轻薄，聚香挂杯|thin walls that hold the aroma|68|陶瓷|Ceramic",
        "WARE-CH|teaware/sets|glaze|茶荷|Tea presentation dish|浙江龙泉|Longquan, Zhejiang|赏茶置茶两用|to show and to pour dry leaves|38|陶瓷|Ceramic",
        "WARE-CX|teaware/sets|glaze|茶洗|Tea wash bowl|浙江龙泉|Longquan, Zhejiang|温杯洗茶，器型端庄|for warming cups and rinsing leaves|58|陶瓷|Ceramic",
        "WARE-KKB|teaware/sets|glaze|快客杯 一壶二杯|Travel tea set, pot and two cups|江西景德镇|Jingdezhen, Jiangxi|便携布袋，出差旅行|with a cloth pouch for travel|128|陶瓷|Ceramic",
        "WARE-GDB|teaware/cups|glass|玻璃公道杯|Glass fairness pitcher|河北沧州|Cangzhou, Hebei|断水利落，刻度清晰|a drip-free spout with clear markings|48|高硼硅玻璃|Borosilicate glass",
        "WARE-BLHP|teaware/pots|glass|玻璃花茶壶 带滤网|Glass teapot with infuser|河北沧州|Cangzhou, Hebei|耐热防爆，可明火|heat-resistant, safe on an open flame|78|高硼硅玻璃|Borosilicate glass",
        "WARE-DSH|teaware/pots|kettle|随手泡电水壶|Electric tea kettle|广东佛山|Foshan, Guangdong|快速煮水，自动断电|boils fast and switches itself off|128|304不锈钢|304 stainless steel",
        "SNK-XJHT|snacks/nuts|snack|新疆纸皮核桃|Xinjiang thin-shell walnuts|新疆阿克苏|Aksu, Xinjiang|壳薄易剥，仁香饱满|thin shells and full, fragrant kernels|32",
        "SNK-LAST|snacks/nuts|snack|临安山核桃仁 椒盐味|Lin'an hickory kernels, salt and pepper|浙江临安|Lin'an, Zhejiang|酥香可口，剥好即食|crisp and ready to eat|58",
        "SNK-XWY|snacks/nuts|snack|云南夏威夷果 奶香味|Yunnan macadamia nuts, milky flavour|云南临沧|Lincang, Yunnan|开口易剥，附开壳器|split shells, opener included|42",
        "SNK-DBSZ|snacks/nuts|snack|长白山手剥松子|Changbai Mountain pine nuts|吉林长白山|Changbai Mountains, Jilin|颗粒饱满，手剥开口|large kernels in hand-cracked shells|68",
        "SNK-TLXG|snacks/dried-fruit|snack|吐鲁番杏干|Turpan dried apricots|新疆吐鲁番|Turpan, Xinjiang|自然晾晒，酸甜适口|sun-dried, sweet and tart|36",
        "SNK-ZZMG|snacks/dried-fruit|snack|漳州芒果干|Zhangzhou dried mango|福建漳州|Zhangzhou, Fujian|果肉厚实，无添加蔗糖|thick slices with no added sugar|38",
        "SNK-NXGQ|snacks/dried-fruit|snack|宁夏中宁枸杞|Ningxia goji berries|宁夏中宁|Zhongning, Ningxia|颗粒大，色泽自然|large berries with a natural colour|45",
        "SNK-YTPG|snacks/dried-fruit|snack|烟台苹果脆片|Yantai apple crisps|山东烟台|Yantai, Shandong|低温烘焙，香甜酥脆|baked at low heat, sweet and crisp|28",
        "SNK-FGNR|snacks/meat|snack|内蒙古风干牛肉|Inner Mongolian air-dried beef|内蒙古锡林郭勒|Xilingol, Inner Mongolia|手撕风干，原味有嚼劲|hand-torn and air-dried, chewy|88",
        "SNK-JJRF|snacks/meat|snack|靖江蜜汁猪肉脯|Jingjiang honey pork jerky|江苏靖江|Jingjiang, Jiangsu|蜜汁炙烤，薄片香甜|honey-glazed, thin and sweet|42",
        "SNK-DYNR|snacks/meat|snack|四川灯影牛肉|Sichuan lantern-shadow beef|四川达州|Dazhou, Sichuan|薄如灯影，麻辣鲜香|paper-thin, numbing and spicy|58",
        "SNK-JBJ|snacks/sweets|snack|京八件 传统糕点|Beijing eight-piece pastries|北京|Beijing|八种馅料，京味传统|eight fillings in the Beijing tradition|78",
        "SNK-XRB|snacks/sweets|snack|杏仁饼|Almond cookies|广东中山|Zhongshan, Guangdong|杏仁香浓，入口酥松|rich almond aroma, crumbly|36",
        "SNK-LDB|snacks/sweets|snack|厦门绿豆饼|Xiamen mung bean cakes|福建厦门|Xiamen, Fujian|绿豆沙馅，皮薄酥软|mung bean filling in a thin flaky crust|32",
        "PAN-XTDM|pantry/rice|grain|盘锦蟹田大米|Panjin crab-field rice|辽宁盘锦|Panjin, Liaoning|稻蟹共生，米粒晶莹|grown alongside crabs, glossy grains|79",
        "PAN-CLXM|pantry/rice|grain|长粒香大米|Long-grain fragrant rice|黑龙江佳木斯|Jiamusi, Heilongjiang|长粒清香，软糯适中|long fragrant grains, soft yet firm|69",
        "PAN-QZHM|pantry/grains|grain|沁州黄小米|Qinzhou yellow millet|山西沁县|Qin County, Shanxi|金黄香糯，熬粥米油足|golden and fragrant, for a creamy porridge|88",
        "PAN-HXD|pantry/grains|grain|东北红小豆|Northeast red beans|黑龙江|Heilongjiang|颗粒均匀，易煮沙糯|even beans that cook soft|58",
        "PAN-ZMXY|pantry/oil|liquid|小磨芝麻香油|Stone-ground sesame oil|河南驻马店|Zhumadian, Henan|石磨工艺，香气浓郁|stone-ground and intensely fragrant|58",
        "PAN-CZY|pantry/oil|liquid|四川压榨菜籽油|Sichuan pressed rapeseed oil|四川德阳|Deyang, Sichuan|浓香型，适合川菜|full-flavoured, made for Sichuan cooking|32",
        "PAN-LCC|pantry/sauces|liquid|山西老陈醋 三年陈|Shanxi mature vinegar, aged 3 years|山西清徐|Qingxu, Shanxi|酸香醇厚，回味绵长|tangy, rich and long|26",
        "PAN-SC|pantry/sauces|liquid|头道生抽|First-draw light soy sauce|广东佛山|Foshan, Guangdong|天然酿造，鲜咸适中|naturally brewed, balanced and savoury|22",
        "PAN-HJ|pantry/sauces|liquid|绍兴花雕酒 五年陈|Shaoxing Huadiao wine, aged 5 years|浙江绍兴|Shaoxing, Zhejiang|去腥提鲜，入菜佳品|lifts any dish and takes away fishiness|36",
        "PAN-DBJ|pantry/sauces|jar|郫县豆瓣酱|Pixian chili bean paste|四川郫都|Pidu, Sichuan|红油香辣，川菜之魂|red, fragrant and hot, the soul of Sichuan cooking|18",
        "PAN-XOJ|pantry/sauces|jar|干贝XO酱|Scallop XO sauce|广东广州|Guangzhou, Guangdong|干贝虾米慢火熬制|slow-cooked with dried scallops and shrimp|88",
        "PAN-MGJ|pantry/sauces|jar|云南玫瑰花酱|Yunnan rose petal jam|云南昆明|Kunming, Yunnan|食用玫瑰手工熬制|hand-cooked from edible roses|38",
        "PAN-DSM|pantry/honey|jar|椴树雪蜜|Linden snow honey|黑龙江饶河|Raohe, Heilongjiang|结晶洁白，清香甜润|crystallises white, delicate and sweet|68",
        "PAN-ZHM|pantry/honey|jar|枣花蜜|Jujube blossom honey|山东沂蒙|Yimeng, Shandong|蜜色琥珀，枣香浓郁|amber honey with a jujube aroma|58",
        "KIT-ZQTG|kitchenware/woks|wok|章丘手工铁锅|Zhangqiu hand-forged iron wok|山东章丘|Zhangqiu, Shandong|千次锻打，无涂层|hammered a thousand times, no coating|298|熟铁|Wrought iron",
        "KIT-SCG|kitchenware/woks|wok|三层钢炒锅|Tri-ply steel wok|广东阳江|Yangjiang, Guangdong|三层复合，受热均匀|three bonded layers for even heat|368|304不锈钢|304 stainless steel",
        "KIT-ZZL|kitchenware/steamers|steamer|竹蒸笼 两层|Bamboo steamer, two tiers|福建南平|Nanping, Fujian|楠竹手工编制|hand-woven from moso bamboo|68|楠竹|Moso bamboo",
        "KIT-BXZG|kitchenware/steamers|steamer|不锈钢蒸锅|Stainless-steel steamer pot|广东潮安|Chao'an, Guangdong|复底导热，多层蒸格|encapsulated base and stacking trays|198|304不锈钢|304 stainless steel",
        "KIT-YJCD|kitchenware/knives|knife|阳江菜刀|Yangjiang kitchen knife|广东阳江|Yangjiang, Guangdong|刃口锋利，手感均衡|keen edge and good balance|168|复合钢|Clad steel",
        "KIT-LQD|kitchenware/knives|knife|龙泉锻打菜刀|Longquan forged kitchen knife|浙江龙泉|Longquan, Zhejiang|传统锻打，经久耐用|traditionally forged, made to last|238|锻打钢|Forged steel",
        "KIT-DMS|kitchenware/knives|knife|大马士革纹菜刀|Damascus-pattern kitchen knife|广东阳江|Yangjiang, Guangdong|67层花纹钢|67 layers of patterned steel|398|大马士革钢|Damascus steel",
        "KIT-QHCJ|kitchenware/tableware|service|景德镇青花餐具|Jingdezhen blue-and-white dinner set|江西景德镇|Jingdezhen, Jiangxi|釉下彩，可进微波炉|underglaze painted, microwave-safe|398|陶瓷|Ceramic",
        "KIT-QCCJ|kitchenware/tableware|service|龙泉青瓷餐具|Longquan celadon dinner set|浙江龙泉|Longquan, Zhejiang|梅子青釉，温润如玉|plum-green glaze, smooth as jade|458|陶瓷|Ceramic",
        "KIT-ZMCJ|kitchenware/tableware|service|竹木餐具套装|Bamboo tableware set|浙江安吉|Anji, Zhejiang|天然竹材，轻便耐用|natural bamboo, light and durable|128|竹|Bamboo",
        "GFT-SZBZ|gifts/silk|colour|真丝抱枕套|Silk cushion cover|江苏苏州|Suzhou, Jiangsu|22姆米桑蚕丝，双面同色|22-momme mulberry silk, both sides alike|168|桑蚕丝|Mulberry silk",
        "GFT-HZWJ|gifts/silk|colour|杭州真丝长巾|Hangzhou long silk scarf|浙江杭州|Hangzhou, Zhejiang|手工卷边，轻盈垂顺|hand-rolled hems, light and fluid|238|桑蚕丝|Mulberry silk",
        "GFT-JTL|gifts/crafts|colour|景泰蓝书签 四枚|Cloisonné bookmarks, set of 4|北京|Beijing|掐丝珐琅，宫廷纹样|filigree enamel with palace patterns|88|铜胎珐琅|Enamel on copper",
        "GFT-YZS|gifts/crafts|colour|泸州油纸伞|Luzhou oil-paper umbrella|四川泸州|Luzhou, Sichuan|桐油手工制作，可遮雨|hand-made with tung oil, rainproof|168|竹、桑皮纸|Bamboo, mulberry paper",
        "GFT-XN|gifts/crafts|colour|苗绣香囊|Miao embroidered sachet|贵州凯里|Kaili, Guizhou|手工刺绣，内装艾草|hand-embroidered, filled with mugwort|48|棉布|Cotton",
        "HOM-SJT|home/bedding|bed|长绒棉四件套|Long-staple cotton bedding set, 4 pieces|新疆|Xinjiang|60支长绒棉，亲肤透气|60s long-staple cotton, soft and breathable|498|棉|Cotton",
        "HOM-ZXLX|home/bedding|bed|竹纤维凉席|Bamboo-fibre summer mat|浙江安吉|Anji, Zhejiang|竹纤维凉爽，可折叠|cool bamboo fibre, foldable|198|竹纤维|Bamboo fibre",
        "HOM-TBK|home/storage|size|藤编收纳筐|Rattan storage basket|广西玉林|Yulin, Guangxi|手工藤编，透气耐用|hand-woven rattan, airy and sturdy|89|藤|Rattan",
        "HOM-ZMX|home/storage|size|樟木收纳箱|Camphor-wood storage chest|江西上饶|Shangrao, Jiangxi|樟木天然防虫|camphor wood keeps moths away|398|樟木|Camphor wood",
        "HOM-LZ|home/fragrance|scent|大豆香薰蜡烛|Soy wax scented candle|上海|Shanghai|燃烧约40小时|about 40 hours of burning|88|大豆蜡|Soy wax",
        "HOM-PX|home/fragrance|scent|天然盘香 48盘|Natural incense coils, 48 coils|福建泉州|Quanzhou, Fujian|天然香料，烟少持久|natural aromatics, little smoke|58|天然香料|Natural aromatics",
        "STA-HB|stationery/calligraphy|brush|湖笔 兼毫|Huzhou writing brush, mixed hair|浙江湖州|Huzhou, Zhejiang|尖齐圆健|pointed, even, round and springy|48|竹杆、羊毫狼毫|Bamboo, goat and weasel hair",
        "STA-HM|stationery/calligraphy|ink|徽墨 松烟墨锭|Hui ink stick, pine soot|安徽歙县|She County, Anhui|古法制墨，墨色沉着|made the old way, a deep, steady black|88|松烟|Pine soot",
        "STA-DY|stationery/calligraphy|inkstone|端砚|Duan inkstone|广东肇庆|Zhaoqing, Guangdong|石质细腻，发墨不损毫|fine stone that grinds ink without harming the brush|298|端石|Duan stone",
        "STA-XZ|stationery/calligraphy|sheets|泾县四尺生宣|Jingxian raw Xuan paper, 4 chi|安徽泾县|Jing County, Anhui|润墨性好，寿纸千年|takes ink beautifully and lasts for ages|128|青檀皮、沙田稻草|Wingceltis bark, rice straw",
    };

    /** Shelf life of food by the top-level category; non-food shows its material instead. */
    private static final Map<String, String[]> SHELF_LIFE = Map.of(
            "tea", new String[] {"18个月", "18 months"},
            "snacks", new String[] {"9个月", "9 months"},
            "pantry", new String[] {"18个月", "18 months"});

    private DemoAssortment() {
    }

    /** Every product of every family in every variant, in table order. */
    static List<CatalogStore.Seed> products() {
        List<CatalogStore.Seed> out = new ArrayList<>();
        int n = 0;
        for (String line : FAMILIES) {
            String[] f = line.split("\\|", -1);
            Kind kind = KINDS.get(f[2]);
            if (kind == null) {
                throw new IllegalStateException("unknown kind " + f[2] + " in " + line);
            }
            for (Variant v : kind.variants()) {
                String sku = f[0] + "-" + v.suffix();
                List<ProductAttribute> attributes = new ArrayList<>();
                attributes.add(new ProductAttribute("产地", "Origin", f[5], f[6]));
                attributes.add(new ProductAttribute(kind.attributeZh(), kind.attributeEn(), v.zh(), v.en()));
                attributes.add(new ProductAttribute("包装", "Package", v.packageZh(), v.packageEn()));
                String[] shelf = SHELF_LIFE.get(f[1].substring(0, f[1].indexOf('/')));
                if (shelf != null) {
                    attributes.add(new ProductAttribute("保质期", "Shelf life", shelf[0], shelf[1]));
                    attributes.add(new ProductAttribute("储存方法", "Storage", "密封，置于阴凉干燥处", "Sealed, in a cool, dry place"));
                } else {
                    attributes.add(new ProductAttribute("材质", "Material", f[10], f[11]));
                }
                String titleZh = f[3] + " " + v.zh();
                String titleEn = f[4] + ", " + v.en();
                String descriptionZh = "产自" + f[5] + "的" + f[3] + "，" + f[7] + "。规格：" + v.zh() + "，" + v.packageZh() + "。";
                String descriptionEn = f[4] + " from " + f[6] + ": " + f[8] + ". " + capitalised(v.en()) + ", "
                        + v.packageEn().toLowerCase(java.util.Locale.ROOT) + ".";
                // every tenth product is a new arrival: a draft without stock yet
                boolean draft = n % 10 == 7;
                out.add(new CatalogStore.Seed(new ProductDraft(sku, titleZh, titleEn, descriptionZh, descriptionEn, f[1],
                        Money.cny(price(f[9], v.factor(), sku)), attributes), draft ? ProductStatus.DRAFT : ProductStatus.LISTED,
                        draft ? 0 : 6 + Math.floorMod(sku.hashCode(), 150)));
                n++;
            }
        }
        return out;
    }

    /** Base price times the factor, to whole yuan, and every other product at .90 (shop prices, exact decimals). */
    static String price(String base, String factor, String sku) {
        BigDecimal p = new BigDecimal(base).multiply(new BigDecimal(factor)).setScale(0, RoundingMode.HALF_UP);
        if (p.compareTo(BigDecimal.TEN) > 0 && Math.floorMod(sku.hashCode(), 2) == 0) {
            p = p.subtract(new BigDecimal("0.10"));
        }
        return p.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
