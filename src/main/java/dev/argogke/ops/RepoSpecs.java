package dev.argogke.ops;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.DeployedForm;
import dev.argogke.workflows.manifest.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Of the documents read from the repository, the objects of one kind it declares for one namespace, by name, each spec in the form the stack deploys it. */
final class RepoSpecs {
    private RepoSpecs() {
    }

    /** Documents naming another namespace are left out; the first of a name counts. */
    static Map<String, Map<String, Object>> of(List<Manifest> manifests, String kind, String namespace, DeployedForm form) {
        Map<String, Map<String, Object>> specs = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            if (!kind.equals(m.kind()) || m.name().isEmpty() || !ArgoResources.API_VERSION.equals(m.apiVersion())) {
                continue;
            }
            String ns = Optional.ofNullable(Tree.string(m.content(), "metadata.namespace")).orElse(namespace);
            if (ns.equals(namespace)) {
                specs.putIfAbsent(m.name().get(), form.spec(m.kind(), Tree.map(m.content(), "spec")));
            }
        }
        return specs;
    }
}
