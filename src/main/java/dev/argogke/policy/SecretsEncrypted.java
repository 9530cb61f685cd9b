package dev.argogke.policy;

import dev.argogke.config.StackFile;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PlanValues;
import dev.argogke.plan.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets only as Pulumi secrets: the kubeconfig output and every Kubernetes Secret's data are
 * encrypted in the state, and no credential sits in the stack file in plain text. In the cluster, a
 * cluster the stack creates encrypts Kubernetes Secrets at rest with a Cloud KMS key of the stack
 * ({@link ClusterSecretsAtRest}); for a cluster it does not create, the report says that this was not
 * checked and how to check it.
 */
final class SecretsEncrypted implements Rule {
    /** Keys known to carry credentials: ours, and the providers' (gcp and kubernetes provider docs). */
    static final Set<String> SECRET_KEYS = Set.of(
            "argo-gke:oauthClientSecret", "gcp:credentials", "gcp:accessToken", "kubernetes:kubeconfig");
    /** Any other key whose name says it holds a credential. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|credential|privatekey|private_key|apikey|api_key).*");
    static final List<String> SECRET_OUTPUTS = List.of("kubeconfig");

    @Override
    public String name() {
        return "secrets-encrypted";
    }

    @Override
    public String description() {
        return "secrets only as Pulumi secrets in state and stack file; a new cluster's Kubernetes Secrets encrypted with the stack's KMS key";
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (String output : SECRET_OUTPUTS) {
            Object value = input.plan().outputs().get(output);
            // An output still unknown in a real preview reaches the engine without its secret flag
            // (pulumi-java 1.36.1 Serializer.serializeAsync returns the unknown marker before it looks
            // at secrecy), so only a known value can be judged; the offline plan always knows.
            if (value != null && !PlanValues.isSecret(value) && !PlanValues.isUnknown(value)) {
                out.add(violation("stack output " + output, "is not a secret, so it is stored in plain text in the state; export it with .asSecret()"));
            }
        }
        for (PlanFile.Resource secret : plan.ofType(ResourceTypes.SECRET)) {
            for (String field : List.of("data", "stringData")) {
                Object data = secret.input(field);
                if (data != null && !PlanValues.isSecret(data) && !allSecret(data)) {
                    out.add(violation(PlanQuery.label(secret), field + " is not a Pulumi secret, so it is stored in plain text in the state; "
                            + "build it from Output.ofSecret(...) (config set with --secret)"));
                }
            }
        }
        input.stackFile().ifPresent(file -> checkStackFile(file, out));
        for (PlanFile.Resource cluster : plan.ofType(ResourceTypes.CLUSTER)) {
            ClusterSecretsAtRest.problems(plan, cluster).forEach(p -> out.add(violation(PlanQuery.label(cluster), p)));
        }
        return out;
    }

    @Override
    public List<String> notChecked(PolicyInput input) {
        return ClusterSecretsAtRest.notChecked(input).stream().toList();
    }

    private static boolean allSecret(Object data) {
        if (!(data instanceof Map<?, ?> m) || m.isEmpty()) {
            return data instanceof Map<?, ?>;
        }
        return m.values().stream().allMatch(PlanValues::isSecret);
    }

    private void checkStackFile(StackFile file, List<Violation> out) {
        for (String key : file.values().keySet().stream().sorted().toList()) {
            String name = key.substring(key.indexOf(':') + 1);
            boolean credential = SECRET_KEYS.contains(key) || SECRET_NAME.matcher(name).matches();
            if (credential && !file.isSecret(key) && !file.values().get(key).isEmpty()) {
                out.add(violation(file.origin() + ": " + key, "is stored in plain text in the stack file; remove it and set it with "
                        + "`pulumi config set --secret " + name + " <value>`"));
            }
        }
    }
}
