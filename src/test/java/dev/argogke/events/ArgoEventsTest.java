package dev.argogke.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgoEventsTest {
    private static MockCloud.Result run() {
        return MockCloud.run("dev", Map.of(), Set.of(),
                ctx -> new ArgoEvents("events", new ArgoEvents.Args("argo-events", List.of()), null));
    }

    /** Pod Security Admission's labels (Kubernetes docs, "Pod Security Admission"): baseline enforced, as for Argo's namespaces. */
    @Test
    void theNamespaceEnforcesThePodSecurityBaseline() {
        Registered namespace = run().one("kubernetes:core/v1:Namespace");
        assertEquals("argo-events", namespace.string("metadata.name"));
        Map<?, ?> labels = (Map<?, ?>) namespace.input("metadata.labels");
        assertEquals("baseline", labels.get("pod-security.kubernetes.io/enforce"));
    }

    /** The release goes into the namespace once it exists; the EventBus, a custom resource, once the release installed its CRD. */
    @Test
    void theEventBusWaitsForTheReleaseAndTheReleaseForTheNamespace() {
        MockCloud.Result r = run();
        Registered namespace = r.one("kubernetes:core/v1:Namespace");
        Registered release = r.one("kubernetes:helm.sh/v3:Release");
        Registered bus = r.one("kubernetes:argoproj.io/v1alpha1:EventBus");
        assertEquals("argo-events", release.string("namespace"));
        assertTrue(release.dependsOn(namespace));
        assertTrue(bus.dependsOn(release));
        // Argo Events' default bus name (argo-events v1.9.10, pkg/apis/events/v1alpha1/const.go DefaultEventBusName).
        assertEquals("default", bus.string("metadata.name"));
        assertEquals("argo-events", bus.string("metadata.namespace"));
        assertEquals(Boolean.TRUE, release.input("atomic"));
    }
}
