package dev.argogke.policy;

import static dev.argogke.policy.PolicyFixtures.add;
import static dev.argogke.policy.PolicyFixtures.real;
import static dev.argogke.policy.PolicyFixtures.violationsOfOnly;
import static dev.argogke.policy.PolicyFixtures.withPlan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.plan.PlanFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two rules for Argo Events objects, on the committed dev plan with an EventSource and a
 * Sensor added as Argo Events v1.9.10 writes them (examples/event-sources/gcp-pubsub.yaml,
 * examples/sensors/... : spec.pubSub.&lt;event&gt;, spec.template.serviceAccountName).
 */
class EventsRulesTest {
    private static final String EVENT_SOURCE = "kubernetes:argoproj.io/v1alpha1:EventSource";
    private static final String SENSOR = "kubernetes:argoproj.io/v1alpha1:Sensor";
    private static final String KSA = "kubernetes:core/v1:ServiceAccount";

    private static Map<String, Object> eventSource(Map<String, Object> pubSubEvent) {
        return Map.of("metadata", Map.of("name", "hr-export", "namespace", "argo-events"),
                "spec", Map.of("template", Map.of("serviceAccountName", "hr-export-eventsource"),
                        "pubSub", Map.of("export-finished", pubSubEvent)));
    }

    /** The event source with its service account and Workload Identity binding, as PubSubEventSourceAccess makes them. */
    private static PlanFile wired(Map<String, Object> pubSubEvent) {
        PlanFile plan = add(real("dev").plan(), EVENT_SOURCE, "hr-export", eventSource(pubSubEvent));
        plan = add(plan, KSA, "hr-export-eventsource", Map.of("metadata", Map.of("name", "hr-export-eventsource", "namespace", "argo-events",
                "annotations", Map.of("iam.gke.io/gcp-service-account", "ev-hr-export@acme-argo-dev.iam.gserviceaccount.com"))));
        return add(plan, "gcp:serviceaccount/iAMMember:IAMMember", "hr-export-wi", Map.of("role", "roles/iam.workloadIdentityUser",
                "member", "serviceAccount:acme-argo-dev.svc.id.goog[argo-events/hr-export-eventsource]"));
    }

    private static PolicyReport.Status outcome(PolicyReport report, String rule) {
        return report.outcomes().stream().filter(o -> o.rule().equals(rule)).findFirst().orElseThrow().status();
    }

    @Test
    void withoutEventSourcesOrSensorsBothRulesAreNotApplicable() {
        PlanFile plan = real("dev").plan();
        for (String source : List.of("hr-exports", "partner-files")) {
            plan = PolicyFixtures.remove(plan, EVENT_SOURCE, "event-objects-eventsource-" + source);
        }
        for (String sensor : List.of("employee-directory-sync", "partner-files")) {
            plan = PolicyFixtures.remove(plan, SENSOR, "event-objects-sensor-" + sensor);
        }
        PolicyReport report = Policies.evaluate(withPlan(real("dev"), plan));
        for (String rule : List.of("events-workload-identity", "sensors-namespaced")) {
            assertEquals(PolicyReport.Status.NOT_APPLICABLE, outcome(report, rule), report.render());
        }
    }

    /** workflows/ holds two Pub/Sub EventSources and two Sensors; the committed stacks deploy them as both rules want. */
    @Test
    void theCommittedStacksEventSourcesAndSensorsPassBothRules() {
        for (String stack : List.of("dev", "prod")) {
            PolicyReport report = Policies.evaluate(real(stack));
            for (String rule : List.of("events-workload-identity", "sensors-namespaced")) {
                assertEquals(PolicyReport.Status.PASS, outcome(report, rule), stack + ": " + report.render());
            }
        }
    }

    @Test
    void aPubSubSourceWithItsOwnBoundAccountPasses() {
        PolicyReport report = Policies.evaluate(withPlan(real("dev"), wired(Map.of("topic", "hr-exports"))));
        assertEquals(PolicyReport.Status.PASS, outcome(report, "events-workload-identity"), report.render());
    }

    @Test
    void aServiceAccountKeyOnAPubSubSourceFails() {
        PlanFile plan = wired(Map.of("topic", "hr-exports", "credentialSecret", Map.of("name", "gcp-key", "key", "key.json")));
        List<Violation> v = violationsOfOnly("events-workload-identity", withPlan(real("dev"), plan));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).message().startsWith("spec.pubSub.export-finished.credentialSecret: a service account key"), v.toString());
    }

    @Test
    void anAccountWithoutItsWorkloadIdentityBindingFails() {
        PlanFile plan = PolicyFixtures.remove(wired(Map.of("topic", "hr-exports")), "gcp:serviceaccount/iAMMember:IAMMember", "hr-export-wi");
        List<Violation> v = violationsOfOnly("events-workload-identity", withPlan(real("dev"), plan));
        assertTrue(v.get(0).message().startsWith("no roles/iam.workloadIdentityUser binding for argo-events/hr-export-eventsource"), v.toString());
    }

    @Test
    void aSensorBoundClusterWideFails() {
        PlanFile plan = add(real("dev").plan(), SENSOR, "hr-export", Map.of("metadata", Map.of("name", "hr-export", "namespace", "argo-events"),
                "spec", Map.of("template", Map.of("serviceAccountName", "hr-export-sensor"))));
        PlanFile namespaced = add(plan, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "hr-export-sensor",
                Map.of("metadata", Map.of("namespace", "argo-workflows"), "roleRef", Map.of("kind", "Role", "name", "submit-workflows"),
                        "subjects", List.of(Map.of("kind", "ServiceAccount", "name", "hr-export-sensor", "namespace", "argo-events"))));
        assertEquals(PolicyReport.Status.PASS, outcome(Policies.evaluate(withPlan(real("dev"), namespaced)), "sensors-namespaced"));
        PlanFile clusterWide = add(namespaced, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "hr-export-sensor-all",
                Map.of("roleRef", Map.of("kind", "ClusterRole", "name", "submit-workflows"),
                        "subjects", List.of(Map.of("kind", "ServiceAccount", "name", "hr-export-sensor", "namespace", "argo-events"))));
        List<Violation> v = violationsOfOnly("sensors-namespaced", withPlan(real("dev"), clusterWide));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).message().startsWith("binds Sensor hr-export's account argo-events/hr-export-sensor cluster-wide"), v.toString());
    }
}
