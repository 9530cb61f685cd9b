package dev.argogke.policy;

import java.util.List;
import java.util.Optional;

/**
 * How a stack fared against every rule: passed, failed (with its violations) or waived (with the
 * stack's reason, and the violations the waiver let through).
 */
public record PolicyReport(String stack, List<Outcome> outcomes) {
    public PolicyReport {
        outcomes = List.copyOf(outcomes);
    }

    public enum Status { PASS, FAIL, WAIVED }

    /**
     * @param waiverReason the stack's reason, for a waived rule
     * @param violations   what the plan breaks; for a waived rule, what the waiver lets through
     * @param notChecked   what the rule could not see for this stack ({@link Rule#notChecked})
     */
    public record Outcome(String rule, String description, Status status, List<Violation> violations, Optional<String> waiverReason,
                          List<String> notChecked) {
        public Outcome {
            violations = List.copyOf(violations);
            notChecked = List.copyOf(notChecked);
        }

        public Outcome(String rule, String description, Status status, List<Violation> violations, Optional<String> waiverReason) {
            this(rule, description, status, violations, waiverReason, List.of());
        }
    }

    /** True when no rule failed (waived rules do not fail a stack). */
    public boolean passed() {
        return violations().isEmpty();
    }

    /** The violations of rules that are not waived. */
    public List<Violation> violations() {
        return outcomes.stream().filter(o -> o.status() == Status.FAIL).flatMap(o -> o.violations().stream()).toList();
    }

    /** Every rule on its own line, failures followed by one line per violation. */
    public String render() {
        int width = outcomes.stream().mapToInt(o -> o.rule().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        out.append("Policy checks for stack ").append(stack).append(":\n");
        for (Outcome o : outcomes) {
            String rule = String.format("%-" + width + "s", o.rule());
            switch (o.status()) {
                case PASS -> out.append("  pass    ").append(rule).append("  ").append(o.description()).append('\n');
                case FAIL -> {
                    out.append("  FAIL    ").append(rule).append("  ").append(o.description()).append('\n');
                    for (Violation v : o.violations()) {
                        out.append("            ").append(v.resource()).append(": ").append(v.message()).append('\n');
                    }
                }
                case WAIVED -> out.append("  waived  ").append(rule).append("  (").append(o.waiverReason().orElse(""))
                        .append(o.violations().isEmpty() ? "; the rule passes anyway: the waiver can go" : "")
                        .append(")\n");
            }
            for (String note : o.notChecked()) {
                out.append("            not checked: ").append(note).append('\n');
            }
        }
        long failed = outcomes.stream().filter(o -> o.status() == Status.FAIL).count();
        long waived = outcomes.stream().filter(o -> o.status() == Status.WAIVED).count();
        out.append(failed == 0 ? "All " + (outcomes.size() - waived) + " rules pass" : failed + " of " + outcomes.size() + " rules fail")
                .append(waived == 0 ? "" : ", " + waived + " waived").append(".\n");
        return out.toString();
    }
}
