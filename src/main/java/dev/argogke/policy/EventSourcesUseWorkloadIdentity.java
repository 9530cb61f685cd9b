package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Argo Events {@code EventSource} that consumes Pub/Sub does so as its own Kubernetes service
 * account, bound through Workload Identity to a Google account, never with a key: no
 * {@code credentialSecret} on a {@code pubSub} source (Argo Events v1.9.10
 * {@code pkg/apis/events/v1alpha1} PubSubEventSource: "CredentialSecret references to the secret that
 * contains JSON credentials to access GCP. If it is missing, it implicitly uses Workload Identity"),
 * and a {@code spec.template.serviceAccountName} whose ServiceAccount in the plan carries
 * {@code iam.gke.io/gcp-service-account} and has its {@code roles/iam.workloadIdentityUser} binding
 * (GKE docs, "Use Workload Identity Federation for GKE").
 */
final class EventSourcesUseWorkloadIdentity implements Rule {
    static final String KSA_ANNOTATION = "iam.gke.io/gcp-service-account";

    @Override
    public String name() {
        return "events-workload-identity";
    }

    @Override
    public String description() {
        return "every Pub/Sub event source runs as its own service account bound through Workload Identity, never with a key";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return eventSources(input).isEmpty() ? Optional.of("the stack deploys no EventSource") : Optional.empty();
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        List<Violation> out = new ArrayList<>();
        PlanQuery plan = new PlanQuery(input.plan());
        for (PlanFile.Resource source : eventSources(input)) {
            Map<String, Object> pubSub = Tree.map(source.input("spec.pubSub"));
            if (pubSub.isEmpty()) {
                continue;
            }
            pubSub.forEach((event, spec) -> {
                if (Tree.map(spec).containsKey("credentialSecret")) {
                    out.add(violation(PlanQuery.label(source), "spec.pubSub." + event + ".credentialSecret: a service account key; remove it, "
                            + "the event source's own service account reaches Pub/Sub through Workload Identity"));
                }
            });
            identity(plan, source).ifPresent(problem -> out.add(violation(PlanQuery.label(source), problem)));
        }
        return out;
    }

    /** What is missing for the source's pods to act as a Google account; empty when nothing is. */
    private static Optional<String> identity(PlanQuery plan, PlanFile.Resource source) {
        String namespace = PlanQuery.namespace(source);
        String account = Tree.string(source.input("spec.template.serviceAccountName"));
        if (account == null) {
            return Optional.of("spec.template.serviceAccountName: not set, so its pods run as the namespace's default account; "
                    + "name the event source's own service account");
        }
        Optional<PlanFile.Resource> ksa = plan.object("core", "ServiceAccount", namespace, account);
        if (ksa.isEmpty() || !PlanQuery.annotations(ksa.get()).containsKey(KSA_ANNOTATION)) {
            return Optional.of("service account " + namespace + "/" + account + " is not in the plan with " + KSA_ANNOTATION
                    + "; create it with the annotation naming its Google account");
        }
        String member = ".svc.id.goog[" + namespace + "/" + account + "]";
        boolean bound = plan.ofType("gcp:serviceaccount/iAMMember:IAMMember").stream()
                .anyMatch(b -> "roles/iam.workloadIdentityUser".equals(b.input("role"))
                        && String.valueOf(b.input("member")).endsWith(member));
        return bound ? Optional.empty() : Optional.of("no roles/iam.workloadIdentityUser binding for " + namespace + "/" + account
                + " on its Google account; without it the pods cannot act as that account");
    }

    private static List<PlanFile.Resource> eventSources(PolicyInput input) {
        return new PlanQuery(input.plan()).ofKind("argoproj.io", "EventSource");
    }
}
