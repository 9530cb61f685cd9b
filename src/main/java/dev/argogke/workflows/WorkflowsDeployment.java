package dev.argogke.workflows;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import dev.argogke.k8s.ProviderAfter;
import dev.argogke.workflows.lint.JobObjects;
import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every object of the {@link WorkflowCatalog} on the cluster, in the workflows namespace: Argo's
 * objects and a job's ExternalSecrets as custom resources, with the stack's overrides (suspension,
 * images) applied to Argo's, and a job's ConfigMaps as they are written.
 *
 * <p>The workflows go through a provider of their own that waits for Argo's release ({@link ProviderAfter}),
 * so a fresh stack's first preview does not fail for want of Argo's CRDs.
 */
public final class WorkflowsDeployment extends ComponentResource {
    public static final String DESCRIPTION_ANNOTATION = "workflows.argoproj.io/description";
    public static final String SOURCE_ANNOTATION = "argo-gke/source";

    /**
     * @param kubeconfig the cluster's kubeconfig (secret)
     * @param context    its context to use; empty: its current one
     * @param release    the Argo release whose CRDs the workflows need
     * @param secrets    what the ExternalSecrets need: External Secrets Operator's release (its CRDs)
     *                   and the SecretStore they read; empty on a cluster
     *                   outside Google Cloud, where there is no Secret Manager and no ExternalSecret is deployed
     */
    public record Args(WorkflowCatalog catalog, String namespace, DeployedForm form,
                       String stack, Output<String> kubeconfig, Optional<String> context, Release release,
                       Optional<SecretsReady> secrets) {
        public Args(WorkflowCatalog catalog, String namespace, DeployedForm form,
                    String stack, Output<String> kubeconfig, Optional<String> context, Release release) {
            this(catalog, namespace, form, stack, kubeconfig, context, release, Optional.empty());
        }
    }

    /** External Secrets Operator's release and the SecretStore, which the ExternalSecrets wait for. */
    public record SecretsReady(Release release, Resource store) {
    }

    private final List<CustomResource> resources = new ArrayList<>();
    private final Provider provider;

    public WorkflowsDeployment(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:workflows:WorkflowsDeployment", name, options);
        // With ExternalSecrets, the operator's release (its CRDs) counts too, for the same reason.
        Output<?> secretsStatus = args.secrets().<Output<?>>map(s -> s.release().status()).orElse(Output.of(""));
        this.provider = ProviderAfter.of(name, this, args.kubeconfig(), args.context(),
                Output.tuple(args.release().status(), secretsStatus));

        List<String> deployed = new ArrayList<>();
        for (Manifest m : args.catalog().manifests()) {
            String kind = m.kind();
            if (WorkflowCatalog.EVENT_KINDS.contains(kind)) {
                continue; // Argo Events' namespace: events.EventsDeployment
            }
            String objectName = m.name().orElseThrow();
            ObjectMetaArgs.Builder metadata = metadata(m, args.catalog(), args.stack());
            if (!"ClusterWorkflowTemplate".equals(kind)) {
                metadata.namespace(args.namespace());
            }
            String resourceName = name + "-" + kindSlug(kind) + "-" + objectName;
            if (JobObjects.EXTERNAL_SECRET.equals(kind) && args.secrets().isEmpty()) {
                continue; // no Secret Manager outside Google Cloud: the stack outputs the Secrets to create instead
            }
            if (JobObjects.CONFIG_MAP.equals(kind)) {
                configMap(resourceName, m, metadata.build());
            } else {
                boolean secret = JobObjects.EXTERNAL_SECRET.equals(kind);
                List<Resource> needs = new ArrayList<>(List.of(args.release()));
                args.secrets().filter(s -> secret).ifPresent(s -> needs.addAll(List.of(s.release(), s.store())));
                resources.add(new CustomResource(resourceName,
                        CustomResourceArgs.builder(secret ? JobObjects.EXTERNAL_SECRET_API_VERSION : WorkflowCatalog.API_VERSION, kind)
                                .metadata(metadata.build())
                                .spec(spec(m, args))
                                .build(),
                        CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(needs).build()));
            }
            deployed.add(kind + "/" + objectName);
        }
        registerOutputs(Map.of("workflows", Output.of(deployed)));
    }

    /** A job's ConfigMap as written: its data, binary data and immutability. */
    private void configMap(String resourceName, Manifest m, ObjectMetaArgs metadata) {
        ConfigMapArgs.Builder configMap = ConfigMapArgs.builder().metadata(metadata)
                .data(textMap(m.content().get("data")))
                .binaryData(textMap(m.content().get("binaryData")));
        if (m.content().get("immutable") instanceof Boolean immutable) {
            configMap.immutable(immutable);
        }
        new ConfigMap(resourceName, configMap.build(), CustomResourceOptions.builder().parent(this).provider(provider).build());
    }

    private static Map<String, String> textMap(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Manifest m, Args args) {
        Object rawSpec = m.content().get("spec");
        if (JobObjects.EXTERNAL_SECRET.equals(m.kind())) {
            return dev.argogke.tree.Tree.copy((Map<String, Object>) rawSpec); // no image, no schedule: as written
        }
        return args.form().spec(m.kind(), rawSpec instanceof Map<?, ?> s ? (Map<String, Object>) s : null);
    }

    /** An object's name, labels and annotations as written, with the stack's and the source file's added. */
    public static ObjectMetaArgs.Builder metadata(Manifest m, WorkflowCatalog catalog, String stack) {
        return ObjectMetaArgs.builder().name(m.name().orElseThrow()).labels(labels(m, stack)).annotations(annotations(m, catalog));
    }

    private static Map<String, String> labels(Manifest m, String stack) {
        Map<String, String> labels = new LinkedHashMap<>(stringMap(m, "labels"));
        labels.put("app.kubernetes.io/managed-by", "argo-gke");
        labels.put("argo-gke/stack", stack);
        return labels;
    }

    private static Map<String, String> annotations(Manifest m, WorkflowCatalog catalog) {
        Map<String, String> annotations = new LinkedHashMap<>(stringMap(m, "annotations"));
        annotations.put(SOURCE_ANNOTATION, catalog.directory().getFileName() + "/" + m.file().getFileName());
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
