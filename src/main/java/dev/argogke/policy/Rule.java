package dev.argogke.policy;

import java.util.List;
import java.util.Optional;

/**
 * One security rule every stack's plan must pass. A stack may waive a rule only by its
 * {@link #name()}, with a reason, in its stack file ({@code argo-gke:waivers}).
 */
public interface Rule {
    /** What the stack file and the report call the rule: {@code iap-required}. */
    String name();

    /** One line: what the rule guarantees. */
    String description();

    /**
     * Why the rule does not apply to this stack (a prod-only rule on a dev stack, a rule about the
     * public endpoint on a stack without one), or empty when it applies. Such a rule is reported
     * "n/a" with this reason and not checked: "pass" would claim something was checked.
     */
    default Optional<String> notApplicable(PolicyInput input) {
        return Optional.empty();
    }

    /** Every way the plan breaks the rule; empty when it passes. */
    List<Violation> check(PolicyInput input);

    /**
     * What the rule cannot see for this stack (e.g. the settings of a cluster argo-gke did not
     * create), each with how to check it by hand; shown beside the outcome so that a pass is not
     * read as covering it.
     */
    default List<String> notChecked(PolicyInput input) {
        return List.of();
    }

    /** A violation of this rule. */
    default Violation violation(String resource, String message) {
        return new Violation(name(), resource, message);
    }
}
