package dev.argogke.secrets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pinned External Secrets Operator chart and the values argo-gke installs it with. Sources:
 * github.com/external-secrets/external-secrets, tag {@code helm-chart-1.3.2} (the chart release of
 * v1.3.2; it differs from tag v1.3.2, which the Go module proxy serves, only in Chart.yaml's
 * version and the chart's test snapshots), deploy/charts/external-secrets/values.yaml and templates/.
 */
public final class ExternalSecretsChart {
    public static final String CHART = "external-secrets";
    /** Chart 1.3.2 = External Secrets Operator v1.3.2 (Chart.yaml appVersion). */
    public static final String VERSION = "1.3.2";
    /** The chart repository of the project's README ("helm repo add external-secrets https://charts.external-secrets.io"). */
    public static final String REPOSITORY = "https://charts.external-secrets.io";
    public static final String RELEASE_NAME = "external-secrets";
    public static final String NAMESPACE = "external-secrets";
    /**
     * The operator's own service account: templates/_helpers.tpl external-secrets.serviceAccountName is
     * the fullname when serviceAccount.create (the default), and the fullname is the release name when
     * it contains the chart's name. It needs no Google identity: the SecretStore has its own account.
     */
    public static final String CONTROLLER_SERVICE_ACCOUNT = RELEASE_NAME;

    private ExternalSecretsChart() {
    }

    /**
     * values.yaml: {@code installCRDs} (the CRDs come with the release, so the ExternalSecrets and the
     * SecretStore find them), {@code scopedNamespace} with {@code scopedRBAC} (the operator reconciles
     * the workflows namespace only, and templates/rbac.yaml then makes its rights there a Role, not a
     * ClusterRole that reads and writes every Secret of the cluster), and every cluster-wide or
     * pushing feature off ({@code process*}: argo-gke uses one namespaced SecretStore and only reads).
     * No admission webhook and so no certificate controller ({@code webhook.create},
     * {@code certController.create}): the certificate controller's ClusterRole reads and writes every
     * Secret of the cluster (templates/cert-controller-rbac.yaml), and the webhook only validates
     * stores and ExternalSecrets, which lint and the CRD's schema already check; values.yaml asks for
     * {@code crds.conversion.enabled: false} without the webhook, which is its default.
     */
    public static Map<String, Object> values(String workflowsNamespace) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("installCRDs", true);
        values.put("scopedNamespace", workflowsNamespace);
        values.put("scopedRBAC", true);
        values.put("processClusterExternalSecret", false);
        values.put("processClusterStore", false);
        values.put("processClusterPushSecret", false);
        values.put("processClusterGenerator", false);
        values.put("processPushSecret", false);
        values.put("webhook", Map.of("create", false));
        values.put("certController", Map.of("create", false));
        return values;
    }
}
