package dev.argogke.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PlanDiff} as text (terminal), Markdown (the pull-request comment) or JSON (tools).
 */
public final class DiffReport {
    /** A stack's part of the PR comment stays well under GitHub's 65,536-character comment limit. */
    public static final int MARKDOWN_BUDGET = 30_000;
    private static final int VALUE_WIDTH = 120;

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

    // ---- Markdown ---------------------------------------------------------------------------

    /** The PR comment's section for one stack; shortened (no details) when it would be too long. */
    public static String markdown(PlanDiff d) {
        String full = markdown(d, true);
        if (full.length() <= MARKDOWN_BUDGET) {
            return full;
        }
        String brief = markdown(d, false);
        if (brief.length() <= MARKDOWN_BUDGET) {
            return brief;
        }
        String note = "\n\n_Cut to fit a comment: run `bin/argo-gke diff` on the two plans for the whole list._\n";
        return brief.substring(0, MARKDOWN_BUDGET - note.length()) + note;
    }

    private static String markdown(PlanDiff d, boolean details) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Stack `").append(d.stack()).append("`\n\n");
        if (d.isEmpty()) {
            sb.append(noChanges(d)).append('\n');
            return sb.toString();
        }
        BigDecimal base = d.baseCost().total();
        BigDecimal head = d.headCost().total();
        sb.append("**").append(counts(d)).append("** · cost $").append(Show.usd(base)).append(" → $")
                .append(Show.usd(head)).append(" a month (").append(Show.delta(head.subtract(base))).append(")\n\n");
        if (!d.resources().isEmpty()) {
            sb.append("| | Resource | Type | Replaced because of |\n|---|---|---|---|\n");
            for (PlanDiff.ResourceChange c : d.resources()) {
                sb.append("| ").append(c.action() == PlanDiff.Action.REPLACE ? "**replace**" : c.action().word)
                        .append(" | ").append(Show.code(c.name())).append(" | ").append(Show.code(c.type())).append(" | ")
                        .append(String.join(", ", c.replacedBy().stream().map(Show::code).toList())).append(" |\n");
            }
            sb.append('\n');
        }
        long props = d.resources().stream().mapToLong(c -> c.changes().size()).sum() + d.outputs().size();
        if (details && props > 0) {
            sb.append("<details><summary>Property changes (").append(props).append(")</summary>\n\n");
            for (PlanDiff.ResourceChange c : d.resources()) {
                if (c.changes().isEmpty()) {
                    continue;
                }
                sb.append("**").append(c.action().word).append("** ").append(Show.code(c.name())).append(" (")
                        .append(Show.code(c.type())).append(")\n\n");
                propertyTable(c.changes(), sb);
            }
            if (!d.outputs().isEmpty()) {
                sb.append("**Stack outputs**\n\n");
                propertyTable(d.outputs(), sb);
            }
            sb.append("</details>\n\n");
        }
        if (!d.workflows().isEmpty()) {
            sb.append("#### Workflows\n\n");
            for (PlanDiff.WorkflowChange w : d.workflows()) {
                sb.append("**").append(w.kind()).append("** ").append(Show.code(w.name())).append(" (")
                        .append(w.action().word).append(")\n\n");
                for (String s : w.words()) {
                    sb.append("- ").append(Show.cell(s)).append('\n');
                }
                for (String s : shapeWords(w)) {
                    sb.append("- ").append(Show.cell(s)).append('\n');
                }
                if (details) {
                    mermaid(w, sb);
                }
                sb.append('\n');
            }
        }
        if (!d.waiversAdded().isEmpty() || !d.waiversRemoved().isEmpty()) {
            sb.append("#### Policy waivers\n\n");
            d.waiversAdded().forEach(w -> sb.append("- added: ").append(Show.cell(w)).append('\n'));
            d.waiversRemoved().forEach(w -> sb.append("- removed: ").append(Show.cell(w)).append('\n'));
            sb.append('\n');
        }
        costMarkdown(d, sb);
        if (d.secretsNotCompared() > 0) {
            sb.append('\n').append(secretsSentence(d)).append('\n');
        }
        return sb.toString();
    }

    private static void propertyTable(List<PropertyChange> changes, StringBuilder sb) {
        sb.append("| Property | Before | After |\n|---|---|---|\n");
        for (PropertyChange p : changes) {
            String before = switch (p.kind()) {
                case ADDED -> "";
                case SECRET_NOT_COMPARED -> Show.SECRET_NOT_COMPARED;
                default -> Show.code(Show.value(p.before(), VALUE_WIDTH));
            };
            String after = switch (p.kind()) {
                case REMOVED -> "(removed)";
                case SECRET_NOT_COMPARED -> "";
                default -> Show.code(Show.value(p.after(), VALUE_WIDTH));
            };
            sb.append("| ").append(Show.code(p.path())).append(p.replaces() ? " **forces replacement**" : "")
                    .append(" | ").append(before).append(" | ").append(after).append(" |\n");
        }
        sb.append('\n');
    }

    private static void mermaid(PlanDiff.WorkflowChange w, StringBuilder sb) {
        if (w.shapeBefore() != null && w.shapeAfter() != null && !w.shapeChanged()) {
            sb.append("\n<details><summary>Shape (unchanged)</summary>\n\n");
            fence(w.shapeAfter(), sb);
            sb.append("</details>\n");
            return;
        }
        sb.append("\n<details open><summary>Shape ").append(w.shapeBefore() == null ? "(new)"
                : w.shapeAfter() == null ? "(removed)" : "before and after").append("</summary>\n\n");
        if (w.shapeBefore() != null) {
            sb.append("Before:\n\n");
            fence(w.shapeBefore(), sb);
        }
        if (w.shapeAfter() != null) {
            sb.append("After:\n\n");
            fence(w.shapeAfter(), sb);
        }
        sb.append("</details>\n");
    }

    private static void fence(WorkflowShape shape, StringBuilder sb) {
        sb.append("```mermaid\n").append(shape.toMermaid()).append("```\n\n");
    }

    private static void costMarkdown(PlanDiff d, StringBuilder sb) {
        sb.append("#### Cost (USD a month, list prices as of ").append(d.headCost().pricesTaken()).append(")\n\n");
        sb.append("| Item | Before | After | Change |\n|---|---:|---:|---:|\n");
        for (CostReport.Row r : CostReport.rows(d.baseCost(), d.headCost())) {
            sb.append("| ").append(Show.cell(r.item())).append(" | ").append(amount(r.inBase(), r.base()))
                    .append(" | ").append(amount(r.inHead(), r.head())).append(" | ")
                    .append(r.changed() ? Show.delta(r.delta()) : "").append(" |\n");
        }
        BigDecimal base = d.baseCost().total();
        BigDecimal head = d.headCost().total();
        sb.append("| **Total** | **").append(bound(d.baseCost())).append(Show.usd(base)).append("** | **")
                .append(bound(d.headCost())).append(Show.usd(head)).append("** | **").append(Show.delta(head.subtract(base)))
                .append("** |\n\n");
        if (!d.headCost().complete()) {
            sb.append("Incomplete: ").append(d.headCost().unknownLines()).append(" line(s) could not be priced (")
                    .append(Show.cell(String.join("; ", d.headCost().lines().stream().filter(l -> !l.known())
                            .map(l -> l.item() + ": " + l.detail()).toList()))).append(").\n\n");
        }
        sb.append("Cloud Composer 3's smallest environment, for comparison: about $").append(Show.usd(d.headCost().composer()))
                .append(" a month. Node pools are counted at their minimum size.\n");
    }

    private static String amount(boolean present, BigDecimal v) {
        return present ? Show.usd(v) : "–";
    }

    private static String bound(CostEstimate e) {
        return e.complete() ? "" : "≥ ";
    }

    // ---- JSON -------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static String json(PlanDiff d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stack", d.stack());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (PlanDiff.Action a : PlanDiff.Action.values()) {
            summary.put(a.word, d.count(a));
        }
        root.put("summary", summary);
        List<Object> resources = new ArrayList<>();
        for (PlanDiff.ResourceChange c : d.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", c.action().word);
            m.put("urn", c.urn());
            m.put("type", c.type());
            m.put("name", c.name());
            m.put("replacedBy", c.replacedBy());
            m.put("changes", changes(c.changes()));
            resources.add(m);
        }
        root.put("resources", resources);
        root.put("outputs", changes(d.outputs()));
        List<Object> workflows = new ArrayList<>();
        for (PlanDiff.WorkflowChange w : d.workflows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", w.action().word);
            m.put("kind", w.kind());
            m.put("name", w.name());
            m.put("words", w.words());
            m.put("shapeChanges", shapeWords(w));
            m.put("mermaidBefore", w.shapeBefore() == null ? null : w.shapeBefore().toMermaid());
            m.put("mermaidAfter", w.shapeAfter() == null ? null : w.shapeAfter().toMermaid());
            workflows.add(m);
        }
        root.put("workflows", workflows);
        root.put("waiversAdded", d.waiversAdded());
        root.put("waiversRemoved", d.waiversRemoved());
        root.put("secretsNotCompared", d.secretsNotCompared());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("base", d.baseCost().total());
        cost.put("head", d.headCost().total());
        cost.put("delta", d.headCost().total().subtract(d.baseCost().total()));
        cost.put("headComplete", d.headCost().complete());
        List<Object> rows = new ArrayList<>();
        for (CostReport.Row r : CostReport.rows(d.baseCost(), d.headCost())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", r.key());
            m.put("item", r.item());
            m.put("base", r.base());
            m.put("head", r.head());
            rows.add(m);
        }
        cost.put("lines", rows);
        root.put("cost", cost);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> changes(List<PropertyChange> changes) {
        List<Object> out = new ArrayList<>();
        for (PropertyChange p : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("kind", switch (p.kind()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case CHANGED -> "changed";
                case SECRET_NOT_COMPARED -> "secret (not compared)";
            });
            if (p.kind() == PropertyChange.Kind.CHANGED || p.kind() == PropertyChange.Kind.REMOVED) {
                m.put("before", p.before());
            }
            if (p.kind() == PropertyChange.Kind.CHANGED || p.kind() == PropertyChange.Kind.ADDED) {
                m.put("after", p.after());
            }
            m.put("replaces", p.replaces());
            out.add(m);
        }
        return out;
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

    private static String noChanges(PlanDiff d) {
        return d.secretsNotCompared() == 0 ? "No changes."
                : "No changes (" + d.secretsNotCompared() + " secret value" + (d.secretsNotCompared() == 1 ? "" : "s")
                  + " not compared: plans never hold secrets).";
    }

    private static String secretsSentence(PlanDiff d) {
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

    private static List<String> shapeWords(PlanDiff.WorkflowChange w) {
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
