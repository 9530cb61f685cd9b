package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's project records who read and wrote through the three services argo-gke's security
 * rests on: Data Access audit logs of every type (ADMIN_READ, DATA_READ, DATA_WRITE; Admin Activity
 * logs are always on) for IAP, Cloud Storage and GKE, with no one exempted. Google Cloud leaves
 * Data Access logs off unless a project, folder or organization turns them on ("Data Access audit
 * logs", cloud.google.com/logging/docs/audit/configure-data-access).
 *
 * <p>Read from the plan's {@code gcp:projects/iAMAuditConfig:IAMAuditConfig} resources. A project
 * whose audit config is managed elsewhere (an organization's own configuration) turns argo-gke's off
 * ({@code argo-gke:dataAccessLogs: false}, so the two do not overwrite each other) and waives this
 * rule with that reason; it may be waived in prod, since a central audit config is a legitimate one.
 * A cluster reached by kubeconfig has no Google Cloud project, so nothing to check.
 */
final class DataAccessLogsOn implements Rule {
    static final String NAME = "data-access-logs";
    static final String TYPE = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
    static final List<String> LOG_TYPES = List.of("ADMIN_READ", "DATA_READ", "DATA_WRITE");
    /** Each service, and what is lost without its Data Access logs. */
    static final Map<String, String> SERVICES = services();

    private static Map<String, String> services() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("iap.googleapis.com", "who looked up or used access to the Argo UI through IAP");
        s.put("storage.googleapis.com", "who read or wrote the workflows' artifacts and archived logs");
        s.put("container.googleapis.com", "who read Secrets, pod logs and other objects in the cluster");
        return s;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Data Access audit logs (ADMIN_READ, DATA_READ, DATA_WRITE) on for IAP, Cloud Storage and GKE in the project";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.outsideGoogleCloud(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        if (input.settings().gcp().isEmpty()) {
            return List.of();
        }
        String project = input.settings().gcp().get().project();
        List<PlanFile.Resource> configs = new PlanQuery(input.plan()).ofType(TYPE).stream()
                .filter(r -> project.equals(Tree.string(r.input("project"))))
                .toList();
        List<Violation> out = new ArrayList<>();
        SERVICES.forEach((service, lost) -> {
            String where = TYPE + " for " + service + " (project " + project + ")";
            List<PlanFile.Resource> mine = configs.stream().filter(r -> service.equals(Tree.string(r.input("service")))).toList();
            if (mine.isEmpty()) {
                out.add(violation(where, "missing: its Data Access audit logs stay off, so " + lost + " leaves no trace; "
                        + "set argo-gke:dataAccessLogs: true, or, where the project's audit config is managed elsewhere, "
                        + "waive " + NAME + " with that reason"));
            }
            for (PlanFile.Resource config : mine) {
                checkTypes(PlanQuery.label(config), Tree.list(config.input("auditLogConfigs")), lost, out);
            }
        });
        return out;
    }

    private void checkTypes(String where, List<?> logConfigs, String lost, List<Violation> out) {
        List<String> missing = new ArrayList<>(LOG_TYPES);
        for (Object c : logConfigs) {
            missing.remove(Tree.string(Tree.at(c, "logType")));
            if (!Tree.list(Tree.at(c, "exemptedMembers")).isEmpty()) {
                out.add(violation(where, Tree.string(Tree.at(c, "logType")) + " exempts " + Tree.at(c, "exemptedMembers")
                        + ", whose reads and writes are then not recorded; remove exemptedMembers"));
            }
        }
        if (!missing.isEmpty()) {
            out.add(violation(where, "does not log " + String.join(", ", missing) + ", so " + lost
                    + " is only partly recorded; log ADMIN_READ, DATA_READ and DATA_WRITE"));
        }
    }
}
