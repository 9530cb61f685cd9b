package dev.argogke.workflows;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every object of the {@link WorkflowCatalog} as a custom resource on the cluster, with the
 * stack's overrides (namespace, suspension, images) applied.
 *
 * <p>A fresh stack's first preview must not fail because Argo's CRDs do not exist yet
 * (pulumi-kubernetes#3247: a server-side dry run of a CronWorkflow fails with "no matches for
 * kind" while the Helm release that brings the CRDs is itself only planned). So the workflows go
 * through a provider of their own whose kubeconfig is derived from the release's status: while the
 * release is still to be created or changed, that status is unknown in a preview, the provider's
 * configuration is therefore unknown, and the Kubernetes provider previews the workflows without
 * asking the API server. On {@code up}, the release (with its CRDs) finishes before any workflow
 * is created, since every workflow depends on it.
 */
public final class WorkflowsDeployment extends ComponentResource {
    public static final String DESCRIPTION_ANNOTATION = "workflows.argoproj.io/description";
    public static final String SOURCE_ANNOTATION = "argo-gke/source";

    /**
     * @param kubeconfig the cluster's kubeconfig (secret)
     * @param context    its context to use; empty: its current one
     * @param release    the Argo release whose CRDs the workflows need
     */
    public record Args(WorkflowCatalog catalog, String namespace, DeployedForm form,
                       String stack, Output<String> kubeconfig, Optional<String> context, Release release) {
    }

    private final List<CustomResource> resources = new ArrayList<>();
    private final Provider provider;

    public WorkflowsDeployment(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:workflows:WorkflowsDeployment", name, options);
        Output<String> afterArgo = Output.tuple(args.release().status(), args.kubeconfig()).applyValue(t -> t.t2);
        ProviderArgs.Builder providerArgs = ProviderArgs.builder()
                .kubeconfig(afterArgo.asSecret())
                .enableServerSideApply(true);
        args.context().ifPresent(providerArgs::context);
        this.provider = new Provider(name, providerArgs.build(), CustomResourceOptions.builder().parent(this).build());

        List<String> deployed = new ArrayList<>();
        for (Manifest m : args.catalog().manifests()) {
            String kind = m.kind();
            String objectName = m.name().orElseThrow();
            Map<String, Object> spec = spec(m, args);
            ObjectMetaArgs.Builder metadata = ObjectMetaArgs.builder()
                    .name(objectName)
                    .labels(labels(m, args.stack()))
                    .annotations(annotations(m, args));
            if (!"ClusterWorkflowTemplate".equals(kind)) {
                metadata.namespace(args.namespace());
            }
            resources.add(new CustomResource(name + "-" + kindSlug(kind) + "-" + objectName,
                    CustomResourceArgs.builder(WorkflowCatalog.API_VERSION, kind)
                            .metadata(metadata.build())
                            .spec(spec)
                            .build(),
                    CustomResourceOptions.builder()
                            .parent(this)
                            .provider(provider)
                            .dependsOn(args.release())
                            .build()));
            deployed.add(kind + "/" + objectName);
        }
        registerOutputs(Map.of("workflows", Output.of(deployed)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Manifest m, Args args) {
        Object rawSpec = m.content().get("spec");
        return args.form().spec(m.kind(), rawSpec instanceof Map<?, ?> s ? (Map<String, Object>) s : null);
    }

    private static Map<String, String> labels(Manifest m, String stack) {
        Map<String, String> labels = new LinkedHashMap<>(stringMap(m, "labels"));
        labels.put("app.kubernetes.io/managed-by", "argo-gke");
        labels.put("argo-gke/stack", stack);
        return labels;
    }

    private static Map<String, String> annotations(Manifest m, Args args) {
        Map<String, String> annotations = new LinkedHashMap<>(stringMap(m, "annotations"));
        annotations.put(SOURCE_ANNOTATION, args.catalog().directory().getFileName() + "/" + m.file().getFileName());
        return annotations;
    }

    private static Map<String, String> stringMap(Manifest m, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m.content().get("metadata") instanceof Map<?, ?> metadata && metadata.get(field) instanceof Map<?, ?> values) {
            values.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** {@code CronWorkflow} to {@code cronworkflow}: keeps resource names readable and unique per kind. */
    static String kindSlug(String kind) {
        return kind.toLowerCase();
    }

    public List<CustomResource> resources() {
        return List.copyOf(resources);
    }
}
