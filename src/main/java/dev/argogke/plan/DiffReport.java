package dev.argogke.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PlanDiff} as text (terminal), Markdown (the pull-request comment) or JSON (tools). The
 * text is written here; {@link DiffMarkdown} and {@link DiffJson} write the other two with the
 * sentences shared below.
 */
public final class DiffReport {
    /** A stack's part of the PR comment stays well under GitHub's 65,536-character comment limit. */
    public static final int MARKDOWN_BUDGET = 30_000;
    static final int VALUE_WIDTH = 120;

    private DiffReport() {
    }

    // ---- text -------------------------------------------------------------------------------

    public static String text(PlanDiff d) {
        if (d.isEmpty()) {
            return noChanges(d) + "\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Stack ").append(d.stack()).append(": ").append(counts(d)).append(".\n\n");
        for (PlanDiff.ResourceChange c : d.resources()) {
            sb.append(String.format("%-2s %s %s", c.action().symbol, c.type(), c.name()));
            if (c.action() == PlanDiff.Action.REPLACE) {
                sb.append("  (replace: ").append(String.join(", ", c.replacedBy())).append(')');
            }
            sb.append('\n');
            for (PropertyChange p : c.changes()) {
                sb.append("     ").append(symbol(p)).append(' ').append(p.path()).append(": ")
                        .append(Show.change(p, VALUE_WIDTH)).append(p.replaces() ? "  [forces replacement]" : "")
                        .append('\n');
            }
        }
        if (!d.outputs().isEmpty()) {
            sb.append("\nStack outputs:\n");
            for (PropertyChange p : d.outputs()) {
                sb.append("     ").append(symbol(p)).append(' ').append(p.path()).append(": ")
                        .append(Show.change(p, VALUE_WIDTH)).append('\n');
            }
        }
        if (!d.workflows().isEmpty()) {
            sb.append("\nWorkflows:\n");
            for (PlanDiff.WorkflowChange w : d.workflows()) {
                sb.append("  ").append(w.kind()).append(' ').append(w.name()).append(" (").append(w.action().word).append(")\n");
                for (String s : w.words()) {
                    sb.append("    ").append(s).append('\n');
                }
                for (String s : shapeWords(w)) {
                    sb.append("    ").append(s).append('\n');
                }
            }
        }
        waivers(d, sb, "  ");
        costText(d, sb);
        if (d.secretsNotCompared() > 0) {
            sb.append('\n').append(secretsSentence(d)).append('\n');
        }
        return sb.toString();
    }

    private static void costText(PlanDiff d, StringBuilder sb) {
        BigDecimal base = d.baseCost().total();
        BigDecimal head = d.headCost().total();
        sb.append("\nCost per month (USD): ").append(Show.usd(base)).append(" → ").append(Show.usd(head))
                .append(" (").append(Show.delta(head.subtract(base))).append(')')
                .append(d.headCost().complete() ? "" : "; incomplete, " + d.headCost().unknownLines() + " line(s) unknown")
                .append('\n');
        for (CostReport.Row r : CostReport.rows(d.baseCost(), d.headCost())) {
            if (r.changed()) {
                sb.append("     ").append(r.item()).append(": ").append(r.inBase() ? Show.usd(r.base()) : "-")
                        .append(" → ").append(r.inHead() ? Show.usd(r.head()) : "-").append('\n');
            }
        }
    }

    /** The PR comment's section for one stack; shortened (no details) when it would be too long. */
    public static String markdown(PlanDiff d) {
        return DiffMarkdown.markdown(d);
    }

    public static String json(PlanDiff d) {
        return DiffJson.json(d);
    }

    // ---- shared -----------------------------------------------------------------------------

    static String counts(PlanDiff d) {
        List<String> parts = new ArrayList<>();
        for (PlanDiff.Action a : PlanDiff.Action.values()) {
            parts.add(d.count(a) + " to " + a.word);
        }
        String s = String.join(", ", parts);
        if (!d.outputs().isEmpty()) {
            s += ", " + d.outputs().size() + " output" + (d.outputs().size() == 1 ? "" : "s") + " changed";
        }
        return s;
    }

    static String noChanges(PlanDiff d) {
        return d.secretsNotCompared() == 0 ? "No changes."
                : "No changes (" + d.secretsNotCompared() + " secret value" + (d.secretsNotCompared() == 1 ? "" : "s")
                  + " not compared: plans never hold secrets).";
    }

    static String secretsSentence(PlanDiff d) {
        return d.secretsNotCompared() + " secret value" + (d.secretsNotCompared() == 1 ? " was" : "s were")
                + " not compared: plans never hold secrets, so a changed secret does not show here.";
    }

    private static void waivers(PlanDiff d, StringBuilder sb, String indent) {
        if (d.waiversAdded().isEmpty() && d.waiversRemoved().isEmpty()) {
            return;
        }
        sb.append("\nPolicy waivers:\n");
        d.waiversAdded().forEach(w -> sb.append(indent).append("+ ").append(w).append('\n'));
        d.waiversRemoved().forEach(w -> sb.append(indent).append("- ").append(w).append('\n'));
    }

    static List<String> shapeWords(PlanDiff.WorkflowChange w) {
        WorkflowShape.Delta delta = w.shapeDelta();
        List<String> out = new ArrayList<>();
        if (!delta.stepsAdded().isEmpty()) {
            out.add("step" + plural(delta.stepsAdded()) + " added: " + String.join(", ", delta.stepsAdded()));
        }
        if (!delta.stepsRemoved().isEmpty()) {
            out.add("step" + plural(delta.stepsRemoved()) + " removed: " + String.join(", ", delta.stepsRemoved()));
        }
        if (!delta.arrowsAdded().isEmpty()) {
            out.add("new dependencies: " + String.join(", ", delta.arrowsAdded()));
        }
        if (!delta.arrowsRemoved().isEmpty()) {
            out.add("dependencies removed: " + String.join(", ", delta.arrowsRemoved()));
        }
        return out;
    }

    private static String plural(List<?> l) {
        return l.size() == 1 ? "" : "s";
    }

    private static String symbol(PropertyChange p) {
        return switch (p.kind()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            default -> "~";
        };
    }
}
