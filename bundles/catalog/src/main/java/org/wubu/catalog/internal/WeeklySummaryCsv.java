package org.wubu.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.wubu.catalog.api.market.BestSeller;
import org.wubu.catalog.api.market.PriceGap;
import org.wubu.catalog.api.market.WeeklySummary;

/**
 * The weekly market summary as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads
 * the Chinese titles as gibberish), CRLF line ends, header rows in the requested language. Three
 * blocks separated by an empty row: the week, the best-sellers, the price gaps. Text that people typed
 * (competitor, where seen) never starts a cell with = + - @, so Excel does not run it as a formula.
 */
final class WeeklySummaryCsv {

    /** The language of the header rows. */
    enum Language { ZH, EN }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private WeeklySummaryCsv() {
    }

    static byte[] write(WeeklySummary s, Language lang) {
        boolean zh = lang == Language.ZH;
        StringBuilder out = new StringBuilder();
        row(out, zh ? List.of("周", "开始", "结束", "时区", "竞品价格记录数")
                : List.of("Week", "From", "To", "Time zone", "Competitor price records"));
        row(out, List.of(s.week().toString(), s.week().monday().toString(), s.week().sunday().toString(), s.zone().getId(),
                Long.toString(s.competitorRecords())));
        out.append("\r\n");
        row(out, zh ? List.of("畅销排名", "SKU", "中文名称", "英文名称", "销量")
                : List.of("Best-seller rank", "SKU", "Chinese title", "English title", "Units sold"));
        for (BestSeller b : s.bestSellers()) {
            row(out, List.of(Integer.toString(b.rank()), text(b.sku()), text(b.titleZh()), text(b.titleEn()), Long.toString(b.quantity())));
        }
        out.append("\r\n");
        row(out, zh ? List.of("价格差距 SKU", "中文名称", "英文名称", "我方价格", "竞争对手", "对方价格", "差额", "差额%", "币种", "出处", "发现时间")
                : List.of("Price gap SKU", "Chinese title", "English title", "Our price", "Competitor", "Their price", "Gap", "Gap %",
                        "Currency", "Where seen", "Seen at"));
        for (PriceGap g : s.priceGaps()) {
            row(out, List.of(text(g.sku()), text(g.titleZh()), text(g.titleEn()), g.ourPrice().amount().toPlainString(),
                    text(g.latest().competitor()), g.latest().price().amount().toPlainString(), g.gap().amount().toPlainString(),
                    g.gapPercent() == null ? "" : g.gapPercent().toPlainString(), g.ourPrice().currency().getCurrencyCode(),
                    text(g.latest().whereSeen()), TIME.format(g.latest().seenAt().atZone(s.zone()))));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** Typed text: a leading = + - @ (or tab) would make Excel evaluate the cell, so it gets a leading apostrophe. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
