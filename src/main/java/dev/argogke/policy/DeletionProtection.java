package dev.argogke.policy;

import dev.argogke.config.Settings;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A prod stack cannot be destroyed by accident: the cluster has deletion protection, and buckets
 * are not emptied on destroy (forceDestroy).
 */
final class DeletionProtection implements Rule {
    @Override
    public String name() {
        return "deletion-protection";
    }

    @Override
    public String description() {
        return "prod: cluster deletion protection on, buckets not force-destroyed";
    }

    /** A dev stack is meant to be torn down: the rule is n/a there, not a pass. */
    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        Settings.Environment environment = input.settings().environment();
        return environment == Settings.Environment.PROD ? Optional.empty()
                : Optional.of("prod stacks only; this one's argo-gke:environment is " + environment.name().toLowerCase(Locale.ROOT));
    }

    /** The plan judged as a prod stack's ({@link #notApplicable} keeps it from dev stacks). */
    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanFile.Resource cluster : plan.ofType(ResourceTypes.CLUSTER)) {
            if (!PlanQuery.isTrue(cluster.input("deletionProtection"))) {
                out.add(violation(PlanQuery.label(cluster), "a prod cluster without deletion protection can be destroyed by one command; "
                        + "set argo-gke:cluster.deletionProtection: true"));
            }
        }
        for (PlanFile.Resource bucket : plan.ofType(ResourceTypes.BUCKET)) {
            if (PlanQuery.isTrue(bucket.input("forceDestroy"))) {
                out.add(violation(PlanQuery.label(bucket), "forceDestroy deletes every artifact and log with the stack; set it to false in prod"));
            }
        }
        return out;
    }
}
