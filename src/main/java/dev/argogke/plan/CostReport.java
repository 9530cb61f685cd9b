package dev.argogke.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cost estimate, or the cost change between two plans, as a table. */
public final class CostReport {
    private CostReport() {
    }

    /** One row of the comparison: a line's amount in the base plan and in the head plan (null: absent or unknown). */
    public record Row(String key, String item, String detail, BigDecimal base, BigDecimal head, boolean inBase, boolean inHead) {
        public boolean changed() {
            return inBase != inHead || (base == null ? head != null : head == null || base.compareTo(head) != 0);
        }

        public BigDecimal delta() {
            return (head == null ? BigDecimal.ZERO : head).subtract(base == null ? BigDecimal.ZERO : base);
        }
    }

    /** The head plan's lines (then lines only the base has), each with both amounts. */
    public static List<Row> rows(CostEstimate base, CostEstimate head) {
        Map<String, CostEstimate.Line> b = new LinkedHashMap<>();
        base.lines().forEach(l -> b.put(l.key(), l));
        List<Row> rows = new ArrayList<>();
        for (CostEstimate.Line h : head.lines()) {
            CostEstimate.Line old = b.remove(h.key());
            rows.add(new Row(h.key(), h.item(), h.detail(), old == null ? null : old.monthly(), h.monthly(), old != null, true));
        }
        for (CostEstimate.Line old : b.values()) {
            rows.add(new Row(old.key(), old.item(), old.detail(), old.monthly(), null, true, false));
        }
        return rows;
    }

    /** What the Composer row of a table is called. */
    public static final String COMPOSER = "Cloud Composer 3, smallest environment";

    /**
     * The estimate as a plain-text table with a total, the Composer comparison and notes. Each line
     * names the date of the price it is worked from (the price file's "taken"), so a reader sees how
     * old every figure is.
     */
    public static String text(CostEstimate e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Monthly cost of stack ").append(e.stack()).append(" (USD, 730 hours a month, list prices of ")
                .append(e.pricesTaken()).append("; each line names its price's date)\n\n");
        int itemWidth = COMPOSER.length();
        int detailWidth = 6;
        for (CostEstimate.Line l : e.lines()) {
            itemWidth = Math.max(itemWidth, l.item().length());
            detailWidth = Math.max(detailWidth, l.detail().length());
        }
        detailWidth = Math.min(detailWidth, 72);
        String format = "%-" + itemWidth + "s  %-" + detailWidth + "s  %-10s  %10s%n";
        sb.append(String.format(format, "Item", "Detail", "Price of", "USD/month"));
        for (CostEstimate.Line l : e.lines()) {
            List<String> detail = wrap(l.detail(), detailWidth);
            sb.append(String.format(format, l.item(), detail.get(0), l.asOf() == null ? "" : l.asOf(),
                    l.known() ? Show.usd(l.monthly()) : "unknown"));
            for (String more : detail.subList(1, detail.size())) {
                sb.append(String.format(format, "", "  " + more, "", "").stripTrailing()).append('\n');
            }
        }
        String total = Show.usd(e.total());
        if (!e.complete()) {
            sb.append(String.format(format, "Total (incomplete)", e.unknownLines() + " line(s) unknown, not counted", "",
                    "≥ " + total));
        } else {
            sb.append(String.format(format, "Total", "", "", total));
        }
        sb.append('\n').append(String.format(format, COMPOSER, "for comparison, not in the total; assumed size below", "",
                "~" + Show.usd(e.composer())));
        sb.append('\n');
        for (String n : e.notes()) {
            sb.append("- ").append(n).append('\n');
        }
        sb.append("- ").append(composerSentence(e)).append('\n');
        return sb.toString();
    }

    /** How the Composer figure is made up, with the sizes it assumes. */
    public static String composerSentence(CostEstimate e) {
        return COMPOSER + ", for comparison: about $" + Show.usd(e.composer()) + " a month = " + e.composerAssumes() + ".";
    }

    /** Words of {@code s} in lines of at most {@code width} characters (longer words alone on a line). */
    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The estimate as a Markdown table, each line with its price's date. */
    public static String markdown(CostEstimate e) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Item | Detail | Price of | USD/month |\n|---|---|---|---:|\n");
        for (CostEstimate.Line l : e.lines()) {
            sb.append("| ").append(Show.cell(l.item())).append(" | ").append(Show.cell(l.detail())).append(" | ")
                    .append(l.asOf() == null ? "" : l.asOf()).append(" | ")
                    .append(l.known() ? Show.usd(l.monthly()) : "unknown").append(" |\n");
        }
        sb.append("| **Total").append(e.complete() ? "" : " (incomplete)").append("** | | | **")
                .append(e.complete() ? "" : "≥ ").append(Show.usd(e.total())).append("** |\n");
        sb.append("\n").append(composerSentence(e)).append("\n");
        return sb.toString();
    }
}
