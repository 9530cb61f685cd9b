package dev.argogke.policy;

import java.util.List;
import java.util.Optional;

/**
 * How a stack fared against every rule: passed, failed (with its violations), waived (with the
 * stack's reason, and the violations the waiver let through) or not applicable to the stack (with
 * the reason, {@link Rule#notApplicable}).
 */
public record PolicyReport(String stack, List<Outcome> outcomes) {
    public PolicyReport {
        outcomes = List.copyOf(outcomes);
    }

    public enum Status { PASS, FAIL, WAIVED, NOT_APPLICABLE }

    /**
     * @param waiverReason        the stack's reason, for a waived rule
     * @param violations          what the plan breaks; for a waived rule, what the waiver lets through
     * @param notChecked          what the rule could not see for this stack ({@link Rule#notChecked})
     * @param notApplicableReason why the rule does not apply, for a rule that does not
     */
    public record Outcome(String rule, String description, Status status, List<Violation> violations, Optional<String> waiverReason,
                          List<String> notChecked, Optional<String> notApplicableReason) {
        public Outcome {
            violations = List.copyOf(violations);
            notChecked = List.copyOf(notChecked);
        }

        public Outcome(String rule, String description, Status status, List<Violation> violations, Optional<String> waiverReason,
                       List<String> notChecked) {
            this(rule, description, status, violations, waiverReason, notChecked, Optional.empty());
        }

        public Outcome(String rule, String description, Status status, List<Violation> violations, Optional<String> waiverReason) {
            this(rule, description, status, violations, waiverReason, List.of());
        }

        /** A rule that does not apply to the stack, and why. */
        public static Outcome notApplicable(Rule rule, String reason) {
            return new Outcome(rule.name(), rule.description(), Status.NOT_APPLICABLE, List.of(), Optional.empty(), List.of(),
                    Optional.of(reason));
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

    /**
     * "All 18 rules pass, 1 waived, 2 n/a" or "2 of 19 rules fail, 2 n/a": the rules that apply are
     * counted as passing or failing, those that do not are counted apart, so that a pass is never
     * claimed for a rule that was not checked.
     */
    String summary() {
        long failed = count(Status.FAIL);
        long waived = count(Status.WAIVED);
        long notApplicable = count(Status.NOT_APPLICABLE);
        long applicable = outcomes.size() - notApplicable;
        return (failed == 0 ? "All " + (applicable - waived) + " rules pass" : failed + " of " + applicable + " rules fail")
                + (waived == 0 ? "" : ", " + waived + " waived")
                + (notApplicable == 0 ? "" : ", " + notApplicable + " n/a");
    }

    private long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
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
                case NOT_APPLICABLE -> out.append("  n/a     ").append(rule).append("  (").append(o.notApplicableReason().orElse(""))
                        .append(")\n");
            }
            for (String note : o.notChecked()) {
                out.append("            not checked: ").append(note).append('\n');
            }
        }
        out.append(summary()).append(".\n");
        return out.toString();
    }
}
