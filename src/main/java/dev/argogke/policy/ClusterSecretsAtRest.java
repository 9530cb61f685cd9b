package dev.argogke.policy;

import dev.argogke.config.Settings;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Part of {@code secrets-encrypted}: a cluster the stack creates encrypts its Kubernetes Secrets at
 * the application layer with a Cloud KMS key of the stack that GKE's service agent may use (GKE
 * docs, "Encrypt secrets at the application layer": {@code databaseEncryption} state
 * {@code ENCRYPTED} with the key's name, and {@code roles/cloudkms.cryptoKeyEncrypterDecrypter} on
 * the key for {@code service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com}).
 *
 * <p>The key is found through the plan's property dependencies (the key name is its id, known only
 * after deploy), and so is the grant on it. The grant's member is named after the project number,
 * which an offline plan of a fresh stack does not know: such a member is accepted; a known one must
 * be GKE's service agent.
 */
final class ClusterSecretsAtRest {
    static final String CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";
    static final String KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
    static final String ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    static final Pattern GKE_SERVICE_AGENT = Pattern.compile("serviceAccount:service-[0-9]+@container-engine-robot\\.iam\\.gserviceaccount\\.com");

    private ClusterSecretsAtRest() {
    }

    /** What is wrong with the cluster's Secrets encryption, as violation messages. */
    static List<String> problems(PlanQuery plan, PlanFile.Resource cluster) {
        Object state = cluster.input("databaseEncryption.state");
        if (!"ENCRYPTED".equals(state)) {
            String shown = state == null ? "unset" : PlanValues.isUnknown(state) ? "known only after deploy" : String.valueOf(state);
            return List.of("databaseEncryption.state is " + shown
                    + ", so Kubernetes Secrets are encrypted at rest with Google's keys only and an offline copy of etcd exposes them "
                    + "to whoever holds it; set databaseEncryption {state: ENCRYPTED, keyName: <a Cloud KMS key of the stack>}");
        }
        List<PlanFile.Resource> keys = plan.ofType(CRYPTO_KEY).stream()
                .filter(k -> cluster.propertyDependencies().getOrDefault("databaseEncryption", List.of()).contains(k.urn()))
                .toList();
        if (keys.isEmpty()) {
            return List.of("databaseEncryption.keyName is not a Cloud KMS key this stack creates, so who may use it cannot be checked; "
                    + "use the stack's own key (a gcp:kms/cryptoKey:CryptoKey) and grant GKE's service agent " + ROLE + " on it");
        }
        List<String> out = new ArrayList<>();
        for (PlanFile.Resource key : keys) {
            if (grantToGke(plan, key).isEmpty()) {
                out.add("GKE's service agent (service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com) has no " + ROLE
                        + " on " + PlanQuery.label(key) + ", so GKE can neither create the cluster with it nor read its Secrets; "
                        + "grant it with a " + KEY_MEMBER + " on that key");
            }
        }
        return out;
    }

    private static Optional<PlanFile.Resource> grantToGke(PlanQuery plan, PlanFile.Resource key) {
        return plan.ofType(KEY_MEMBER).stream()
                .filter(g -> ROLE.equals(g.input("role")))
                .filter(g -> g.propertyDependencies().getOrDefault("cryptoKeyId", List.of()).contains(key.urn()))
                .filter(g -> PlanValues.isUnknown(g.input("member"))
                        || (g.input("member") instanceof String m && GKE_SERVICE_AGENT.matcher(m).matches()))
                .findFirst();
    }

    /** For a cluster argo-gke does not create: what cannot be seen, and how to look. */
    static Optional<String> notChecked(PolicyInput input) {
        String project = input.settings().gcp().map(Settings.Gcp::project).orElse("");
        if (input.settings().cluster() instanceof Settings.ExistingGke e) {
            return Optional.of("argo-gke:cluster.existing: whether " + e.name() + " encrypts its Kubernetes Secrets with a Cloud KMS key "
                    + "is the cluster's own setting, which the plan does not hold; `gcloud container clusters describe " + e.name()
                    + " --location " + e.location() + " --project " + project
                    + " --format='value(databaseEncryption.state)'` prints ENCRYPTED when it does");
        }
        if (input.settings().cluster() instanceof Settings.ExistingKubeconfig) {
            return Optional.of("argo-gke:cluster.existing.kubeconfig: how that cluster stores Secrets at rest is its own configuration "
                    + "(Kubernetes docs, \"Encrypting Confidential Data at Rest\"), which argo-gke does not see");
        }
        return Optional.empty();
    }
}
