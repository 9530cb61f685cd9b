package dev.argogke.plan;

import static dev.argogke.plan.DiffReport.MARKDOWN_BUDGET;
import static dev.argogke.plan.DiffReport.VALUE_WIDTH;
import static dev.argogke.plan.DiffReport.counts;
import static dev.argogke.plan.DiffReport.noChanges;
import static dev.argogke.plan.DiffReport.secretsSentence;
import static dev.argogke.plan.DiffReport.shapeWords;

import java.math.BigDecimal;
import java.util.List;

/** A {@link PlanDiff} as the pull-request comment's Markdown section for one stack. */
final class DiffMarkdown {

    private DiffMarkdown() {
    }

    /** The PR comment's section for one stack; shortened (no details) when it would be too long. */
    static String markdown(PlanDiff d) {
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
        resourceTable(d, sb);
        if (details) {
            propertyChanges(d, sb);
        }
        workflows(d, details, sb);
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

    private static void resourceTable(PlanDiff d, StringBuilder sb) {
        if (d.resources().isEmpty()) {
            return;
        }
        sb.append("| | Resource | Type | Replaced because of |\n|---|---|---|---|\n");
        for (PlanDiff.ResourceChange c : d.resources()) {
            sb.append("| ").append(c.action() == PlanDiff.Action.REPLACE ? "**replace**" : c.action().word)
                    .append(" | ").append(Show.code(c.name())).append(" | ").append(Show.code(c.type())).append(" | ")
                    .append(String.join(", ", c.replacedBy().stream().map(Show::code).toList())).append(" |\n");
        }
        sb.append('\n');
    }

    private static void propertyChanges(PlanDiff d, StringBuilder sb) {
        long props = d.resources().stream().mapToLong(c -> c.changes().size()).sum() + d.outputs().size();
        if (props == 0) {
            return;
        }
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

    private static void workflows(PlanDiff d, boolean details, StringBuilder sb) {
        if (d.workflows().isEmpty()) {
            return;
        }
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
        sb.append("#### Cost (USD a month, list prices of ").append(d.headCost().pricesTaken()).append(")\n\n");
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
        sb.append(CostReport.composerSentence(d.headCost())).append(" Node pools are counted at their minimum size.\n");
    }

    private static String amount(boolean present, BigDecimal v) {
        return present ? Show.usd(v) : "–";
    }

    private static String bound(CostEstimate e) {
        return e.complete() ? "" : "≥ ";
    }
}
