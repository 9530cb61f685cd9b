package dev.argogke.program;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.argo.ArgoWorkflows;
import dev.argogke.config.Settings;
import dev.argogke.events.ArgoEvents;
import dev.argogke.events.EventObjects;
import dev.argogke.events.EventsDeployment;
import dev.argogke.events.PubSubEventSourceAccess;
import dev.argogke.events.SensorAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Event-driven workflows, composed only when {@code workflows/} holds an EventSource or Sensor:
 * Argo Events and its EventBus, the Sensors' right to create Workflows, each Pub/Sub source's
 * topic, subscription and Google account, and the EventSources and Sensors themselves.
 */
final class EventDriven {
    private EventDriven() {
    }

    static void compose(Settings settings, Inputs inputs, Optional<GoogleCloud> google, ClusterTarget target,
                        ArgoWorkflows argo, ComponentResourceOptions inCluster) {
        EventObjects events = inputs.events();
        if (!events.any()) {
            return;
        }
        String namespace = settings.events().namespace();
        var argoEvents = new ArgoEvents("argo-events", new ArgoEvents.Args(namespace, settings.events().chartPath(),
                target.podsCanRun()), inCluster);
        List<Resource> accounts = new ArrayList<>(new SensorAccess("sensors", new SensorAccess.Args(namespace,
                settings.workflows().namespace(), events.sensors().stream().map(m -> m.name().orElseThrow()).toList(),
                List.of(argoEvents.namespace(), argo.workflowsNamespace())), inCluster).resources());
        for (EventObjects.PubSubSource source : events.pubSubSources()) {
            // EventObjects refuses a Pub/Sub source outside Google Cloud, so there is a project here.
            GoogleCloud g = google.orElseThrow();
            accounts.addAll(new PubSubEventSourceAccess("pubsub-" + source.eventSource(), new PubSubEventSourceAccess.Args(
                    settings.stack(), g.project(), namespace, source.eventSource(), source.topic(), source.existingTopicProject(),
                    source.bucket().map(b -> PubSubEventSourceAccess.BucketNotificationArgs.fileLanded(b.bucket(), b.prefix())),
                    new PubSubEventSourceAccess.WaitFor(target.identityPool(), List.of(argoEvents.namespace()),
                            g.services().services(), Optional.of(g.provider()))), inCluster).ready());
        }
        new EventsDeployment("event-objects", new EventsDeployment.Args(inputs.catalog(), events, settings.stack(),
                target.access().kubeconfig(), target.access().context(), argoEvents, accounts), inCluster);
    }
}
