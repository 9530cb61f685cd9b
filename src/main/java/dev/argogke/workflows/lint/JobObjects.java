package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plain Kubernetes objects a job may have beside its workflows in {@code workflows/}: its
 * configuration (a {@code ConfigMap}) and the credentials it reads from Google Secret Manager (an
 * {@code ExternalSecret} of External Secrets Operator, which writes a Kubernetes Secret from them).
 * A Kubernetes {@code Secret} itself is refused: its value would be in git.
 */
public final class JobObjects {
    public static final String CONFIG_MAP = "ConfigMap";
    public static final String CONFIG_MAP_API_VERSION = "v1";
    public static final String EXTERNAL_SECRET = "ExternalSecret";
    /**
     * The version External Secrets Operator v1.3.2 serves: its CRD
     * (config/crds/bases/external-secrets.io_externalsecrets.yaml, tag v1.3.2) serves {@code v1} and no
     * longer {@code v1beta1} ({@code served: false}).
     */
    public static final String EXTERNAL_SECRET_API_VERSION = "external-secrets.io/v1";
    public static final String SECRET = "Secret";
    /** The one SecretStore argo-gke creates in the workflows namespace, reading Google Secret Manager. */
    public static final String SECRET_STORE = "secret-manager";
    public static final String SECRET_STORE_KIND = "SecretStore";

    /** What a job's configuration and credentials in {@code workflows/} may be. */
    public static final List<String> KINDS = List.of(CONFIG_MAP, EXTERNAL_SECRET);

    /**
     * A Secret Manager secret id (Secret Manager API, CreateSecretRequest.secret_id: "a string with a
     * maximum length of 255 characters and can contain uppercase and lowercase letters, numerals, and
     * the hyphen (-) and underscore (_) characters").
     */
    public static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private JobObjects() {
    }

    /** The apiVersion argo-gke deploys a job object of {@code kind} with, or null for another kind. */
    public static String apiVersionOf(String kind) {
        return CONFIG_MAP.equals(kind) ? CONFIG_MAP_API_VERSION : EXTERNAL_SECRET.equals(kind) ? EXTERNAL_SECRET_API_VERSION : null;
    }

    /** The Kubernetes Secret an ExternalSecret writes: spec.target.name, by default its own name (ESO v1.3.2's CRD: target.name "Defaults to the .metadata.name of the ExternalSecret resource"). */
    public static String secretName(Map<String, Object> externalSecret) {
        String target = Tree.string(externalSecret, "spec.target.name");
        return target != null ? target : Tree.text(externalSecret, "metadata.name");
    }

    /** The keys an ExternalSecret writes into its Secret (spec.data[].secretKey). */
    public static List<String> secretKeys(Map<String, Object> externalSecret) {
        return Tree.list(externalSecret, "spec.data").stream().map(d -> Tree.string(d, "secretKey")).filter(k -> k != null).toList();
    }

    /** Why a Kubernetes Secret is refused, and what to do instead. */
    public static String secretRefused() {
        return "a Secret in workflows/ would keep its value in git; keep the value in Google Secret Manager and"
                + " declare an ExternalSecret (" + EXTERNAL_SECRET_API_VERSION + ") that names it under spec.data[].remoteRef.key"
                + " (README, \"Job configuration and secrets\")";
    }
}
