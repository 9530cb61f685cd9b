package dev.argogke.argo;

/**
 * The one place that says which Argo Workflows argo-gke deploys: argo-helm's {@code argo-workflows}
 * chart {@value #CHART_VERSION}, whose Chart.yaml {@code appVersion} is {@value #APP_VERSION}
 * (github.com/argoproj/argo-helm, tag {@code argo-workflows-1.0.18}, charts/argo-workflows). It is
 * the newest chart the offline tests can render (the 2.0.x line, with Argo v4.1, could not be
 * obtained), so it is the one deployed: what the tests render is what {@code pulumi up} installs.
 *
 * <p>The workflow linter's rules were read from Argo {@value #LINT_RULES} sources, which is newer
 * than the deployed controller: v4.1 adds fields v4.0.6 does not know (e.g. a template's
 * {@code pendingTimeout} and {@code podResources}, a workflow's {@code executorPlugins};
 * github.com/argoproj/argo-workflows, {@code git diff v4.0.6 v4.1.2 -- pkg/apis/workflow/v1alpha1}).
 */
public final class ArgoVersion {
    /** The chart's name in its repository. */
    public static final String CHART = "argo-workflows";
    /** The pinned chart version (default of {@code argo-gke:argo.chartVersion}). */
    public static final String CHART_VERSION = "1.0.18";
    /** The chart's appVersion: the tag of the Argo images it runs (default of {@code argo-gke:argo.imageTag}). */
    public static final String APP_VERSION = "v4.0.6";
    /** argo-helm's chart repository (default of {@code argo-gke:argo.chartRepository}). */
    public static final String CHART_REPOSITORY = "https://argoproj.github.io/argo-helm";
    /** argo-helm's OCI registry path, where the same signed charts are pushed (argo-helm .github/workflows/publish.yml). */
    public static final String CHART_OCI = "oci://ghcr.io/argoproj/argo-helm";
    /**
     * argo-helm's public signing key, "Argo Helm maintainers", fingerprint {@value #SIGNING_KEY_FINGERPRINT}
     * (published at https://argoproj.github.io/argo-helm/pgp_keys.asc: argo-helm's gh-pages branch, commit
     * 9d85e7ae72 of 2023-05-10), stored dearmored (a binary keyring, which Helm's verification reads:
     * argo-helm README, "Verifying Chart Provenance", argo-helm#4053). Relative to the project folder, where
     * the Pulumi engine starts the Kubernetes provider (pulumi sdk/go/common/resource/plugin/plugin.go: cmd.Dir).
     */
    public static final String KEYRING = "keys/argo-helm.gpg";
    public static final String SIGNING_KEY_FINGERPRINT = "2B8F22F57260EFA67BE1C5824B11F800CD9D2252";
    /** Where the chart's source is: repository, tag and folder. */
    public static final String SOURCE = "github.com/argoproj/argo-helm, tag argo-workflows-" + CHART_VERSION + ", charts/argo-workflows";
    /** The Argo release the workflow linter's rules were read from. */
    public static final String LINT_RULES = "v4.1";

    private ArgoVersion() {
    }
}
