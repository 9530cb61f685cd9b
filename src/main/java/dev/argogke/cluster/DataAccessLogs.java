package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMAuditConfig;
import com.pulumi.gcp.projects.IAMAuditConfigArgs;
import com.pulumi.gcp.projects.inputs.IAMAuditConfigAuditLogConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's Data Access audit logs of the three services argo-gke's security rests on, so that
 * who read or changed what can be answered afterwards. Admin Activity audit logs (writes of
 * configuration) are always on and cannot be turned off; Data Access logs are off by default
 * (Google Cloud, "Data Access audit logs", cloud.google.com/logging/docs/audit/configure-data-access).
 *
 * <p>What each log type records, per service:
 * <ul>
 *   <li>{@code iap.googleapis.com} (cloud.google.com/iap/docs/audit-log-howto): ADMIN_READ, reads of
 *       IAP's IAM policy and settings (who may open the UI, looked up); DATA_READ and DATA_WRITE, the
 *       TCP-forwarding destination groups (argo-gke makes none: on so a later one is covered). The
 *       page's earlier editions describe turning on all three to see every authorized and
 *       unauthorized request to an IAP-secured resource.</li>
 *   <li>{@code storage.googleapis.com} (cloud.google.com/storage/docs/audit-logs): ADMIN_READ,
 *       reads of bucket metadata and access configuration and bucket listings; DATA_READ, reads and
 *       listings of objects (the workflows' artifacts and archived logs); DATA_WRITE, objects
 *       created, changed or deleted.</li>
 *   <li>{@code container.googleapis.com} (GKE, "Audit policy",
 *       cloud.google.com/kubernetes-engine/docs/concepts/audit-policy): ADMIN_READ, metadata reads
 *       of Kubernetes objects such as listing Pods; DATA_READ, reads of their data such as a Pod's
 *       logs or a Secret; DATA_WRITE, writes such as Pod status updates.</li>
 * </ul>
 *
 * <p>{@code gcp.projects.IAMAuditConfig} is authoritative for its service: it replaces the project's
 * whole audit config of that service, and deleting it removes that config (pulumi-gcp 7.0.0 and
 * terraform-provider-google, {@code google_project_iam_audit_config}: "Authoritative for a given
 * service"). A team whose project audit config is managed elsewhere (an organization's own
 * Terraform) turns this off ({@code argo-gke:dataAccessLogs: false}) so the two do not overwrite
 * each other, and waives {@code data-access-logs} with that reason. Configs set on the folder or
 * organization are not touched: the project's effective config is the union of its own and its
 * ancestors' (the same Google page).
 *
 * <p>Cost: Data Access logs are Cloud Logging ingestion, billed beyond the project's free monthly
 * allotment (see {@code plan.PriceBook#loggingIngestionPerGib}).
 */
public final class DataAccessLogs extends ComponentResource {
    /** The services whose Data Access logs are turned on. */
    public static final List<String> SERVICES = List.of(
            "iap.googleapis.com", "storage.googleapis.com", "container.googleapis.com");
    /** Every Data Access log type (Admin writes are always logged; IAM's AuditLogConfig.LogType). */
    public static final List<String> LOG_TYPES = List.of("ADMIN_READ", "DATA_READ", "DATA_WRITE");

    public record Args(String project) {
    }

    private final List<IAMAuditConfig> configs = new ArrayList<>();

    public DataAccessLogs(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:cluster:DataAccessLogs", name, options);
        List<IAMAuditConfigAuditLogConfigArgs> types = LOG_TYPES.stream()
                .map(t -> IAMAuditConfigAuditLogConfigArgs.builder().logType(t).build())
                .toList();
        for (String service : SERVICES) {
            configs.add(new IAMAuditConfig(name + "-" + service.substring(0, service.indexOf('.')), IAMAuditConfigArgs.builder()
                    .project(args.project())
                    .service(service)
                    .auditLogConfigs(types)
                    .build(), CustomResourceOptions.builder().parent(this).build()));
        }
        registerOutputs(Map.of("services", Output.of(SERVICES)));
    }

    public List<IAMAuditConfig> configs() {
        return List.copyOf(configs);
    }
}
