package dev.argogke.config;

import static dev.argogke.config.SettingsLoader.ALLOWED_WORKFLOW_ROLES;
import static dev.argogke.config.SettingsLoader.ARGO_CHART_VERSION;
import static dev.argogke.config.SettingsLoader.ARGO_IMAGE_TAG;
import static dev.argogke.config.SettingsLoader.WORKFLOWS_NAMESPACE;

import dev.argogke.argo.ArgoVersion;
import dev.argogke.config.Settings.Argo;
import dev.argogke.config.Settings.ChartSource;
import dev.argogke.config.Settings.Environment;
import dev.argogke.config.Settings.Workflows;
import dev.argogke.names.KubeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code argo-gke:argo} and {@code argo-gke:workflows}: the Argo release (chart, image, server, bucket, the
 * workflows' Google roles) and where and how workflows run.
 */
final class ArgoSettingsReader {
    private static final Set<String> ARGO_KEYS = Set.of(
            "namespace", "chartVersion", "imageTag", "chartRepository", "chartPath", "serverAuthMode", "artifactRetentionDays", "workflowRoles");
    private static final Set<String> WORKFLOWS_KEYS = Set.of(
            "directory", "namespace", "suspendAll", "imageRegistry", "imageTag");

    static final Pattern ROLE = Pattern.compile("(roles|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles|organizations/[0-9]+/roles)/[A-Za-z0-9_.]{3,64}");
    static final Pattern REGISTRY = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)*");
    private ArgoSettingsReader() {
    }

    /** A chart repository: an index over http(s), or an OCI registry path (Helm's two kinds). */
    static final Pattern CHART_REPOSITORY = Pattern.compile("(https?|oci)://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?");
    static final Pattern CHART_PATH = Pattern.compile("[A-Za-z0-9_./-]{1,300}");
    static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    static Argo argo(ConfigValue v) {
        if (v.present() && !v.object(ARGO_KEYS)) {
            return null;
        }
        ConfigValue ns = v.field("namespace");
        String namespace = ns.satisfying(ns.string("argo"), KubeNames::isLabel, "a Kubernetes namespace name (DNS-1123 label)");
        ConfigValue cv = v.field("chartVersion");
        String chart = cv.matching(cv.string(ARGO_CHART_VERSION), Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+"), "a chart version such as " + ARGO_CHART_VERSION);
        ConfigValue it = v.field("imageTag");
        String imageTag = it.matching(it.string(ARGO_IMAGE_TAG), Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+(-[a-z0-9.]+)?"), "an Argo release tag such as " + ARGO_IMAGE_TAG);
        ConfigValue am = v.field("serverAuthMode");
        String authMode = am.oneOf(am.string("server"), Set.of("server", "client", "sso"));
        if ("sso".equals(authMode)) {
            // argo-server in sso mode refuses to start without an OIDC issuer and client, which no
            // setting here provides; the Helm release would wait 10 minutes and roll back.
            am.problem("sso needs an OIDC provider configuration that argo-gke does not manage; behind IAP use server "
                    + "(IAP decides who gets in) or client (each user signs in with a Kubernetes token)");
        }
        ChartSource chartSource = chartSource(v.field("chartRepository"), v.field("chartPath"));
        int retention = v.field("artifactRetentionDays").integer(1, 3650).orElse(30);
        List<String> roles = new ArrayList<>();
        for (ConfigValue r : v.field("workflowRoles").list()) {
            String role = r.matching(r.requiredString("e.g. roles/bigquery.dataEditor"), ROLE, "an IAM role such as roles/bigquery.dataEditor");
            if (role != null && !ALLOWED_WORKFLOW_ROLES.containsKey(role)) {
                r.problem("'" + role + "' is not one of the data roles workflows may get"
                        + (role.startsWith("roles/") ? "" : " (custom roles are refused: their permissions are not visible here)")
                        + "; allowed: " + String.join(", ", ALLOWED_WORKFLOW_ROLES.keySet()));
            } else if (role != null && roles.contains(role)) {
                r.problem("'" + role + "' is listed twice");
            } else if (role != null) {
                roles.add(role);
            }
        }
        return new Argo(namespace, chart, imageTag, chartSource, authMode, retention, roles);
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
            path = pathValue.matching(path, CHART_PATH, "a folder path such as charts/argo-workflows");
            return path == null ? null : ChartSource.folder(stripSlash(path));
        }
        String repository = repositoryValue.string(ArgoVersion.CHART_REPOSITORY);
        repository = repositoryValue.matching(repository, CHART_REPOSITORY,
                "a chart repository URL such as " + ArgoVersion.CHART_REPOSITORY + " or oci://ghcr.io/argoproj/argo-helm");
        return repository == null ? null : ChartSource.repository(stripSlash(repository));
    }

    static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static Workflows workflows(ConfigValue v, Argo argo, Environment environment) {
        if (v.present() && !v.object(WORKFLOWS_KEYS)) {
            return null;
        }
        ConfigValue dir = v.field("directory");
        String directory = dir.matching(dir.string("workflows"), Pattern.compile("[A-Za-z0-9_./-]{1,200}"), "a folder path relative to the project");
        if (directory != null && (directory.startsWith("/") || directory.contains(".."))) {
            dir.problem("must be a folder inside the project, found '" + ConfigValue.abbreviate(directory) + "'");
        }
        ConfigValue ns = v.field("namespace");
        String namespace = ns.satisfying(ns.string(WORKFLOWS_NAMESPACE), KubeNames::isLabel, "a Kubernetes namespace name (DNS-1123 label)");
        if (namespace != null && argo != null && namespace.equals(argo.namespace())) {
            // Argo's docs/security.md ("Workflow RBAC"): users who may create workflows in the
            // controller's namespace may be able to modify the controller itself, so "the managed
            // namespace should therefore not be the controller's namespace".
            ns.problem("'" + namespace + "' is Argo's own namespace (argo.namespace); workflows must run in another one, "
                    + "or whoever submits a workflow could act as the controller: remove the key to use " + WORKFLOWS_NAMESPACE);
        }
        boolean suspendAll = v.field("suspendAll").bool().orElse(environment != Environment.PROD);
        ConfigValue reg = v.field("imageRegistry");
        Optional<String> registry = reg.string().map(r -> reg.matching(r, REGISTRY, "a registry such as europe-docker.pkg.dev/my-project/jobs"));
        ConfigValue tag = v.field("imageTag");
        Optional<String> imageTag = tag.string().map(t -> tag.matching(t, IMAGE_TAG, "an image tag"));
        return new Workflows(directory, namespace, suspendAll, registry.filter(r -> r != null), imageTag.filter(t -> t != null));
    }
}
