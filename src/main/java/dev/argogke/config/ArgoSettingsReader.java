package dev.argogke.config;

import static dev.argogke.config.SettingsLoader.ALLOWED_WORKFLOW_ROLES;
import static dev.argogke.config.SettingsLoader.WORKFLOWS_NAMESPACE;

import dev.argogke.config.Settings.Argo;
import dev.argogke.config.Settings.BucketNotification;
import dev.argogke.config.Settings.ChartSource;
import dev.argogke.config.Settings.Environment;
import dev.argogke.config.Settings.Events;
import dev.argogke.config.Settings.ServerAuthMode;
import dev.argogke.config.Settings.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code argo-gke:argo} and {@code argo-gke:workflows}: the Argo release (chart, image, server, bucket, the
 * workflows' Google roles) and where and how workflows run.
 */
final class ArgoSettingsReader {
    private ArgoSettingsReader() {
    }

    static Argo argo(ConfigValue v) {
        if (v.present() && !v.object("argo")) {
            return null;
        }
        String namespace = v.text(SettingsSchema.ARGO_NAMESPACE);
        String chart = v.text(SettingsSchema.CHART_VERSION);
        String imageTag = v.text(SettingsSchema.ARGO_IMAGE_TAG);
        ServerAuthMode authMode = serverAuthMode(v);
        ChartSource chartSource = chartSource(v.field(SettingsSchema.CHART_REPOSITORY_SETTING), v.field(SettingsSchema.CHART_PATH_SETTING));
        int retention = v.number(SettingsSchema.RETENTION);
        List<String> roles = workflowRoles(v.field(SettingsSchema.WORKFLOW_ROLES));
        return new Argo(namespace, chart, imageTag, chartSource, authMode, retention, roles);
    }

    private static ServerAuthMode serverAuthMode(ConfigValue argo) {
        ConfigValue am = argo.field(SettingsSchema.SERVER_AUTH_MODE);
        if (am.isText("sso")) {
            // argo-server in sso mode refuses to start without an OIDC issuer and client, which no
            // setting here provides; the Helm release would wait 10 minutes and roll back.
            am.problem("sso needs an OIDC provider configuration that argo-gke does not manage; behind IAP use server "
                    + "(IAP decides who gets in) or client (each user signs in with a Kubernetes token)");
            return null;
        }
        return argo.choice(SettingsSchema.SERVER_AUTH_MODE, ServerAuthMode.class, ServerAuthMode::value);
    }

    private static List<String> workflowRoles(ConfigValue list) {
        List<String> roles = new ArrayList<>();
        for (ConfigValue r : list.list()) {
            String role = r.checked(SettingsSchema.WORKFLOW_ROLES, r.requiredString("e.g. roles/bigquery.dataEditor"));
            if (role != null && !ALLOWED_WORKFLOW_ROLES.containsKey(role)) {
                r.problem("'" + role + "' is not one of the data roles workflows may get"
                        + (role.startsWith("roles/") ? "" : " (custom roles are refused: their permissions are not visible here)")
                        + (role.startsWith("roles/secretmanager.") ? " (a job reads a Secret Manager secret through an ExternalSecret in"
                                + " workflows/, which grants access to that secret alone: README, \"Job configuration and secrets\")" : "")
                        + "; allowed: " + String.join(", ", ALLOWED_WORKFLOW_ROLES.keySet()));
            } else if (role != null && roles.contains(role)) {
                r.problem("'" + role + "' is listed twice");
            } else if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Where the chart comes from: argo-helm's repository, a mirror of it, or a chart folder. */
    static ChartSource chartSource(ConfigValue repositoryValue, ConfigValue pathValue) {
        if (repositoryValue.present() && pathValue.present()) {
            pathValue.problem("set together with argo.chartRepository; use one: a chart repository (https:// or oci://) or a local chart folder");
            return null;
        }
        if (pathValue.present()) {
            String path = pathValue.requiredString("a chart folder relative to the project, e.g. charts/argo-workflows");
            if (path != null && path.contains("://")) {
                pathValue.problem("'" + ConfigValue.abbreviate(path) + "' is a URL; set it as argo.chartRepository instead");
                return null;
            }
            path = pathValue.checked(SettingsSchema.CHART_PATH_SETTING, path);
            return path == null ? null : ChartSource.folder(stripSlash(path));
        }
        String repository = repositoryValue.checked(SettingsSchema.CHART_REPOSITORY_SETTING,
                repositoryValue.string((String) SettingsSchema.CHART_REPOSITORY_SETTING.defaultValue()));
        return repository == null ? null : ChartSource.repository(stripSlash(repository));
    }

    static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static Workflows workflows(ConfigValue v, Argo argo, Environment environment) {
        if (v.present() && !v.object("workflows")) {
            return null;
        }
        String directory = v.text(SettingsSchema.DIRECTORY);
        if (directory != null && (directory.startsWith("/") || directory.contains(".."))) {
            v.field(SettingsSchema.DIRECTORY).problem("must be a folder inside the project, found '" + ConfigValue.abbreviate(directory) + "'");
        }
        String namespace = v.text(SettingsSchema.WORKFLOWS_NAMESPACE);
        if (namespace != null && argo != null && namespace.equals(argo.namespace())) {
            // Argo's docs/security.md ("Workflow RBAC"): users who may create workflows in the
            // controller's namespace may be able to modify the controller itself, so "the managed
            // namespace should therefore not be the controller's namespace".
            v.field(SettingsSchema.WORKFLOWS_NAMESPACE).problem("'" + namespace + "' is Argo's own namespace (argo.namespace); workflows must run in another one, "
                    + "or whoever submits a workflow could act as the controller: remove the key to use " + WORKFLOWS_NAMESPACE);
        }
        boolean suspendAll = v.flag(SettingsSchema.SUSPEND_ALL, environment != Environment.PROD);
        Optional<String> registry = v.optionalText(SettingsSchema.IMAGE_REGISTRY);
        Optional<String> imageTag = v.optionalText(SettingsSchema.IMAGE_TAG_SETTING);
        return new Workflows(directory, namespace, suspendAll, registry, imageTag);
    }

    /** Argo Events' namespace is its own: its controller may create any pod there (argo-events chart 2.4.22, namespaced Role). */
    static Events events(ConfigValue v, Argo argo, Workflows workflows, boolean outsideGoogle) {
        if (v.present() && !v.object("events")) {
            return null;
        }
        String namespace = v.text(SettingsSchema.EVENTS_NAMESPACE);
        if (namespace != null && ((argo != null && namespace.equals(argo.namespace()))
                || (workflows != null && namespace.equals(workflows.namespace())))) {
            v.field(SettingsSchema.EVENTS_NAMESPACE).problem("'" + namespace + "' is already Argo's or the workflows' namespace; Argo Events "
                    + "needs one of its own (its controller may run any pod there): remove the key to use argo-events");
        }
        Optional<String> chartPath = v.optionalText(SettingsSchema.EVENTS_CHART_PATH).map(ArgoSettingsReader::stripSlash);
        ConfigValue notifications = v.field(SettingsSchema.BUCKET_NOTIFICATIONS);
        List<ConfigValue> items = notifications.list(); // read once: reading reports a value that is not a list
        if (outsideGoogle && !items.isEmpty()) {
            notifications.problem("a bucket notification needs Google Cloud, and this stack's cluster is reached by kubeconfig"
                    + " (cluster.existing.kubeconfig); remove it");
            return new Events(namespace, chartPath);
        }
        return new Events(namespace, chartPath, bucketNotifications(items));
    }

    private static List<BucketNotification> bucketNotifications(List<ConfigValue> items) {
        List<BucketNotification> out = new ArrayList<>();
        for (ConfigValue n : items) {
            if (!n.present()) {
                n.problem("must be a mapping {eventSource: <name>, bucket: <bucket>, prefix: <optional>}");
                continue;
            }
            if (!n.object("events.bucketNotifications[]")) {
                continue;
            }
            String eventSource = n.requiredText(SettingsSchema.NOTIFY_EVENT_SOURCE, "the Pub/Sub EventSource in workflows/ the bucket notifies");
            String bucket = n.requiredText(SettingsSchema.NOTIFY_BUCKET, "the bucket's name");
            Optional<String> prefix = n.optionalText(SettingsSchema.NOTIFY_PREFIX);
            if (eventSource != null && bucket != null) {
                out.add(new BucketNotification(eventSource, bucket, prefix));
            }
        }
        return out;
    }
}
