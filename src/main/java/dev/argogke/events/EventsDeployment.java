package dev.argogke.events;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.k8s.CustomResource;
import dev.argogke.k8s.CustomResourceArgs;
import dev.argogke.k8s.ProviderAfter;
import dev.argogke.workflows.WorkflowCatalog;
import dev.argogke.workflows.WorkflowsDeployment;
import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EventSources and Sensors of {@code workflows/} in Argo Events' namespace, as {@link EventObjects}
 * fills them in, through a provider that waits for Argo Events' release (its CRDs; {@link ProviderAfter}).
 * Each waits for the EventBus it talks through and for the accounts it runs as.
 */
public final class EventsDeployment extends ComponentResource {
    /**
     * @param argoEvents what the objects need from Argo Events: its release, EventBus and namespace
     * @param accounts   the service accounts and bindings the pods run as: the Sensors' ({@link SensorAccess})
     *                   and the Pub/Sub sources' ({@link PubSubEventSourceAccess})
     */
    public record Args(WorkflowCatalog catalog, EventObjects events, String stack, Output<String> kubeconfig,
                       Optional<String> context, ArgoEvents argoEvents, List<Resource> accounts) {
        public Args {
            accounts = List.copyOf(accounts);
        }
    }

    private final List<CustomResource> objects = new ArrayList<>();

    public EventsDeployment(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:events:EventsDeployment", name, options);
        Provider provider = ProviderAfter.of(name, this, args.kubeconfig(), args.context(), args.argoEvents().release().status());
        List<Resource> needs = new ArrayList<>(args.accounts());
        needs.add(args.argoEvents().eventBus());
        for (Manifest m : concat(args.events().eventSources(), args.events().sensors())) {
            String objectName = m.name().orElseThrow();
            objects.add(new CustomResource(name + "-" + m.kind().toLowerCase() + "-" + objectName,
                    CustomResourceArgs.builder(WorkflowCatalog.API_VERSION, m.kind())
                            .metadata(WorkflowsDeployment.metadata(m, args.catalog(), args.stack())
                                    .namespace(args.argoEvents().namespaceName()).build())
                            .spec(args.events().deployedSpec(m))
                            .build(),
                    CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(needs).build()));
        }
        registerOutputs(Map.of("objects", Output.of(objects.size())));
    }

    private static List<Manifest> concat(List<Manifest> a, List<Manifest> b) {
        List<Manifest> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public List<CustomResource> objects() {
        return List.copyOf(objects);
    }
}
