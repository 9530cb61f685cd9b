package dev.argogke.events;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.gcp.Utilities;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.storage.Notification;
import com.pulumi.gcp.storage.NotificationArgs;
import com.pulumi.gcp.storage.inputs.GetProjectServiceAccountArgs;
import com.pulumi.gcp.storage.outputs.GetProjectServiceAccountResult;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.events.PubSubEventSourceAccess.Args;
import dev.argogke.events.PubSubEventSourceAccess.BucketNotificationArgs;

/**
 * A bucket's new objects published to the event source's topic, registered as children of
 * {@link PubSubEventSourceAccess}: Cloud Storage's service agent publishes the notifications, so it
 * needs {@code roles/pubsub.publisher} on that topic, and only there (Cloud Storage docs, "Configure
 * Pub/Sub notifications for Cloud Storage", "Get required roles": the service agent delivering
 * notifications must have the Pub/Sub Publisher role on the topic).
 *
 * <p>The agent is read with the provider's {@code getProjectServiceAccount}, not built from the
 * project number: the agent exists only once something asked Cloud Storage for it, which that read
 * does (pulumi-gcp docs, storage.getProjectServiceAccount and storage.Notification, whose example
 * also makes the notification wait for the topic grant: Cloud Storage checks the agent may publish
 * when the notification is created).
 */
final class BucketNotification {
    static final String GET_PROJECT_SERVICE_ACCOUNT = "gcp:storage/getProjectServiceAccount:getProjectServiceAccount";

    BucketNotification(ComponentResource parent, String name, Args args, BucketNotificationArgs bucket, Output<String> topicPath) {
        // The older InvokeOptions of the generated StorageFunctions cannot wait for the APIs; as in cluster.ProjectNumber.
        var options = new InvokeOutputOptions(null, args.waitFor().googleProvider().orElse(null), Utilities.getVersion(),
                args.waitFor().apis());
        Output<GetProjectServiceAccountResult> agent = Deployment.getInstance().invoke(GET_PROJECT_SERVICE_ACCOUNT,
                TypeShape.of(GetProjectServiceAccountResult.class),
                GetProjectServiceAccountArgs.builder().project(args.project()).build(), options);
        var publisher = new TopicIAMMember(name + "-storage-publisher", TopicIAMMemberArgs.builder()
                .project(args.project())
                .topic(topicPath)
                .role(PubSubEventSourceAccess.PUBLISHER)
                .member(agent.applyValue(a -> "serviceAccount:" + a.emailAddress()))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var notification = NotificationArgs.builder()
                .bucket(bucket.bucket())
                .topic(topicPath)
                // The object's metadata as the JSON API gives it, in the message's data (Cloud Storage docs,
                // "Pub/Sub notifications for Cloud Storage", payload format).
                .payloadFormat("JSON_API_V1")
                .eventTypes(bucket.eventTypes());
        bucket.objectNamePrefix().ifPresent(notification::objectNamePrefix);
        new Notification(name, notification.build(), CustomResourceOptions.builder().parent(parent).dependsOn(publisher).build());
    }
}
