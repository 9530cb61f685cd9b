package dev.argogke.workflows.lint;

import dev.argogke.names.KubeNames;
import dev.argogke.tree.Tree;
import dev.argogke.workflows.cron.GoDuration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ExternalSecret as argo-gke deploys it: it reads the SecretStore argo-gke creates
 * ({@link JobObjects#SECRET_STORE}) and names every Secret Manager secret it reads under
 * {@code spec.data}, so that the program can create each secret and grant access to it alone. The
 * fields are those of External Secrets Operator v1.3.2's CRD (config/crds/bases/
 * external-secrets.io_externalsecrets.yaml, version v1), where spec.data[] requires {@code secretKey}
 * and {@code remoteRef}, and remoteRef requires {@code key}.
 */
final class ExternalSecretChecker {
    static final List<String> FIELDS = List.of("apiVersion", "kind", "metadata", "spec");
    static final List<String> SPEC_FIELDS = List.of("secretStoreRef", "target", "data", "refreshInterval", "refreshPolicy");
    static final List<String> DATA_FIELDS = List.of("secretKey", "remoteRef");
    static final List<String> REMOTE_REF_FIELDS = List.of("key", "version", "property", "conversionStrategy", "decodingStrategy", "metadataPolicy");
    static final List<String> TARGET_FIELDS = List.of("name", "creationPolicy", "deletionPolicy", "immutable", "template", "manifest");

    private ExternalSecretChecker() {
    }

    static void check(Map<String, Object> spec, boolean hasSpec, DocumentFindings out) {
        if (!hasSpec) {
            out.error("spec", "an ExternalSecret needs a spec: the SecretStore and the secrets it reads");
            return;
        }
        if (spec.containsKey("dataFrom")) {
            out.error("spec.dataFrom", "dataFrom reads secrets argo-gke cannot name in advance; name each Secret Manager secret"
                    + " under spec.data, so that access is granted to it alone");
        }
        JobObjectChecker.unknownFields(without(spec, "dataFrom"), "spec", "an ExternalSecret's spec", SPEC_FIELDS, out);
        checkStore(Tree.map(spec.get("secretStoreRef")), out);
        Map<String, Object> target = Tree.map(spec.get("target"));
        JobObjectChecker.unknownFields(target, "spec.target", "spec.target", TARGET_FIELDS, out);
        String targetName = Tree.string(target.get("name"));
        if (targetName != null) {
            KubeNames.subdomainProblem(targetName).ifPresent(p -> out.error("spec.target.name", "name '" + targetName + "' is invalid: it " + p));
        }
        Object interval = spec.get("refreshInterval");
        if (interval != null && !(interval instanceof String s && GoDuration.isDuration(s))) {
            out.error("spec.refreshInterval", "refreshInterval must be a Go duration such as \"1h\" or \"15m\", not " + ValueText.describe(interval));
        }
        checkData(Tree.list(spec.get("data")), out);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static void checkStore(Map<String, Object> ref, DocumentFindings out) {
        String name = Tree.string(ref.get("name"));
        String kind = Tree.string(ref.get("kind"));
        if (!JobObjects.SECRET_STORE.equals(name) || (ref.containsKey("kind") && !JobObjects.SECRET_STORE_KIND.equals(kind))) {
            out.error("spec.secretStoreRef", "argo-gke creates one SecretStore, reading Google Secret Manager, in the workflows namespace:"
                    + " set secretStoreRef to {name: " + JobObjects.SECRET_STORE + ", kind: " + JobObjects.SECRET_STORE_KIND + "}");
        }
        JobObjectChecker.unknownFields(ref, "spec.secretStoreRef", "spec.secretStoreRef", List.of("name", "kind"), out);
    }

    private static void checkData(List<Object> data, DocumentFindings out) {
        if (data.isEmpty()) {
            out.error("spec.data", "name at least one Secret Manager secret: spec.data[].secretKey (the key in the Kubernetes Secret)"
                    + " and spec.data[].remoteRef.key (the Secret Manager secret)");
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            String path = Tree.index("spec.data", i);
            Map<String, Object> item = Tree.map(data.get(i));
            if (item.containsKey("sourceRef")) {
                out.error(path + ".sourceRef", "sourceRef reads from a generator or another store; read Secret Manager with remoteRef.key");
            }
            JobObjectChecker.unknownFields(without(item, "sourceRef"), path, "spec.data[]", DATA_FIELDS, out);
            String secretKey = Tree.string(item.get("secretKey"));
            if (secretKey == null || secretKey.isEmpty()) {
                out.error(path + ".secretKey", "secretKey is required: the key the value gets in the Kubernetes Secret");
            } else if (!keys.add(secretKey)) {
                out.error(path + ".secretKey", "secretKey '" + secretKey + "' is given twice; each key of the Secret holds one value");
            } else {
                JobObjectChecker.keyProblem(secretKey).ifPresent(p -> out.error(path + ".secretKey", "secretKey '" + secretKey + "' is invalid: it " + p));
            }
            Map<String, Object> remote = Tree.map(item.get("remoteRef"));
            JobObjectChecker.unknownFields(remote, path + ".remoteRef", "remoteRef", REMOTE_REF_FIELDS, out);
            String key = Tree.string(remote.get("key"));
            if (key == null || key.isEmpty()) {
                out.error(path + ".remoteRef.key", "remoteRef.key is required: the name of the Google Secret Manager secret");
            } else if (!JobObjects.SECRET_ID.matcher(key).matches()) {
                out.error(path + ".remoteRef.key", "'" + key + "' is not a Secret Manager secret name: at most 255 letters, digits, '-' or '_'"
                        + " (the secret's name in this project, not its projects/.../secrets/... path)");
            }
        }
    }
}
