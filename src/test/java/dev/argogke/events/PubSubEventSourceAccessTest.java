package dev.argogke.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.argogke.UserError;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One pubSub EventSource's Google side under the mock engine: what is created, with which inputs,
 * every grant on the subscription or topic and never on the project, and what waits for what.
 */
class PubSubEventSourceAccessTest {
    private static final String PROJECT = "acme-argo-dev";
    private static final String NAMESPACE = "argo-events";
    private static final String TOPIC_PATH = "projects/acme-argo-dev/topics/hr-exports";

    /**
     * Pub/Sub docs, "Access control with IAM", predefined roles: the permissions each role holds on
     * a subscription (pubsub.subscriber: consume, and topics.attachSubscription and snapshots.seek,
     * which a subscription-level policy cannot use on a topic or snapshot; pubsub.viewer: get and
     * list on subscriptions among its read-only permissions).
     */
    private static final Map<String, Set<String>> SUBSCRIPTION_PERMISSIONS = Map.of(
            "roles/pubsub.subscriber", Set.of("pubsub.subscriptions.consume"),
            "roles/pubsub.viewer", Set.of("pubsub.subscriptions.get", "pubsub.subscriptions.list"));
    /**
     * What Argo Events' gcppubsub source calls on an existing subscription when its EventSource names
     * the topic (argo-events v1.9.10, pkg/eventsources/sources/gcppubsub/start.go, prepareSubscription):
     * subscription.Config (projects.subscriptions.get) and Receive (pull and acknowledge). Its
     * TestPermissions call needs none.
     */
    private static final Set<String> EVENT_SOURCE_NEEDS = Set.of("pubsub.subscriptions.get", "pubsub.subscriptions.consume");

    private static MockCloud.Result run(boolean createTopic, Optional<PubSubEventSourceAccess.BucketNotificationArgs> bucket) {
        return MockCloud.run("dev", Map.of(), Set.of(), ctx -> {
            var cluster = new Cluster("cluster", ClusterArgs.builder().project(PROJECT).location("europe-west1-b").build());
            var namespace = new Namespace("ns", NamespaceArgs.builder().metadata(ObjectMetaArgs.builder().name(NAMESPACE).build()).build());
            new PubSubEventSourceAccess("hr-export", new PubSubEventSourceAccess.Args("dev", PROJECT, NAMESPACE, "hr-export",
                    "hr-exports", createTopic ? Optional.empty() : Optional.of(PROJECT), bucket, new PubSubEventSourceAccess.WaitFor(List.of(cluster), List.of(namespace),
                    List.of(), Optional.empty())), null);
        });
    }

    private static MockCloud.Result run(boolean createTopic) {
        return run(createTopic, Optional.empty());
    }

    /** Google's format for a user-managed service account (IAM docs, "Service account types"). */
    private static String email(Registered account) {
        return account.string("accountId") + "@" + account.string("project") + ".iam.gserviceaccount.com";
    }

    @Test
    void aCreatedTopicAndASubscriptionOfItsOwnThatNeverExpires() {
        MockCloud.Result r = run(true);
        Registered topic = r.one("gcp:pubsub/topic:Topic");
        assertEquals("hr-exports", topic.string("name"));
        assertEquals(PROJECT, topic.string("project"));
        Registered subscription = r.one("gcp:pubsub/subscription:Subscription");
        assertEquals(PROJECT, subscription.string("project"));
        assertEquals(TOPIC_PATH, subscription.string("topic"));
        assertTrue(subscription.dependsOn(topic));
        // Pub/Sub docs, "Subscription properties": an empty ttl never expires (the default is 31 days idle).
        assertEquals("", subscription.string("expirationPolicy.ttl"));
    }

    @Test
    void anExistingTopicIsReferencedByNameAndNotCreated() {
        MockCloud.Result r = run(false);
        assertEquals(List.of(), r.ofType("gcp:pubsub/topic:Topic"));
        assertEquals(TOPIC_PATH, r.one("gcp:pubsub/subscription:Subscription").string("topic"));
    }

    @Test
    void theEventSourcesAccountMayDoWhatTheSourceCallsOnItsSubscriptionAndNothingMore() {
        MockCloud.Result r = run(true);
        Registered subscription = r.one("gcp:pubsub/subscription:Subscription");
        Registered account = r.one("gcp:serviceaccount/account:Account");
        Set<String> granted = new HashSet<>();
        for (Registered grant : r.ofType("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember")) {
            assertEquals(subscription.string("name"), grant.string("subscription"));
            assertEquals("serviceAccount:" + email(account), grant.string("member"));
            Set<String> permissions = SUBSCRIPTION_PERMISSIONS.get(grant.string("role"));
            assertTrue(permissions != null && permissions.stream().anyMatch(EVENT_SOURCE_NEEDS::contains),
                    grant.string("role") + " grants nothing the event source calls");
            granted.addAll(permissions);
        }
        assertTrue(granted.containsAll(EVENT_SOURCE_NEEDS), "granted " + granted + ", the source calls " + EVENT_SOURCE_NEEDS);
    }

    /** Least privilege: no grant on the project, the topic (without a bucket notification) or any other account. */
    @Test
    void noGrantIsProjectWide() {
        for (boolean withBucket : List.of(false, true)) {
            MockCloud.Result r = run(true, withBucket
                    ? Optional.of(PubSubEventSourceAccess.BucketNotificationArgs.fileLanded("hr-drop", Optional.empty()))
                    : Optional.empty());
            Set<String> iamTypes = new HashSet<>();
            r.resources().stream().map(Registered::type).filter(t -> t.toLowerCase().contains("iam")).forEach(iamTypes::add);
            Set<String> expected = new HashSet<>(Set.of("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember",
                    "gcp:serviceaccount/iAMMember:IAMMember"));
            if (withBucket) {
                expected.add("gcp:pubsub/topicIAMMember:TopicIAMMember");
            }
            assertEquals(expected, iamTypes);
        }
    }

    /**
     * GKE docs, "Use Workload Identity Federation for GKE": the Kubernetes service account carries
     * the Google account's email in iam.gke.io/gcp-service-account, and the Google account grants
     * roles/iam.workloadIdentityUser to serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA], only
     * that one. The binding waits for the cluster (the identity pool), the account for its namespace.
     */
    @Test
    void exactlyTheEventSourcesKubernetesServiceAccountActsAsTheGoogleAccount() {
        MockCloud.Result r = run(true);
        Registered account = r.one("gcp:serviceaccount/account:Account");
        Registered ksa = r.one("kubernetes:core/v1:ServiceAccount");
        assertEquals(NAMESPACE, ksa.string("metadata.namespace"));
        assertEquals(PubSubEventSourceAccess.serviceAccountName("hr-export"), ksa.string("metadata.name"));
        assertEquals(email(account), ((Map<?, ?>) ksa.input("metadata.annotations")).get("iam.gke.io/gcp-service-account"));
        Registered binding = r.one("gcp:serviceaccount/iAMMember:IAMMember");
        assertEquals("roles/iam.workloadIdentityUser", binding.string("role"));
        assertEquals("serviceAccount:acme-argo-dev.svc.id.goog[" + NAMESPACE + "/" + ksa.string("metadata.name") + "]",
                binding.string("member"));
        assertEquals("projects/" + PROJECT + "/serviceAccounts/" + account.string("accountId"), binding.string("serviceAccountId"));
        assertTrue(binding.dependsOn(r.one("gcp:container/cluster:Cluster")), "the binding must wait for the identity pool");
        assertTrue(ksa.dependsOn(r.named("kubernetes:core/v1:Namespace", "ns")));
    }

    /**
     * Cloud Storage docs, "Configure Pub/Sub notifications for Cloud Storage": the project's Cloud
     * Storage service agent publishes, so it needs roles/pubsub.publisher on the topic; the
     * notification is created once it has it.
     */
    @Test
    void aFileLandingInTheBucketIsPublishedByCloudStoragesAgentWhoMayPublishToThatTopicOnly() {
        MockCloud.Result r = run(true, Optional.of(PubSubEventSourceAccess.BucketNotificationArgs.fileLanded("hr-drop", Optional.of("exports/"))));
        Registered publisher = r.one("gcp:pubsub/topicIAMMember:TopicIAMMember");
        assertEquals("roles/pubsub.publisher", publisher.string("role"));
        assertEquals(TOPIC_PATH, publisher.string("topic"));
        assertEquals("serviceAccount:service-" + MockCloud.PROJECT_NUMBER + "@gs-project-accounts.iam.gserviceaccount.com",
                publisher.string("member"));
        Registered notification = r.one("gcp:storage/notification:Notification");
        assertEquals("hr-drop", notification.string("bucket"));
        assertEquals(TOPIC_PATH, notification.string("topic"));
        // OBJECT_FINALIZE: "Sent when a new object (or a new generation of an existing object) is successfully created".
        assertEquals(List.of("OBJECT_FINALIZE"), notification.input("eventTypes"));
        assertEquals("exports/", notification.string("objectNamePrefix"));
        assertEquals("JSON_API_V1", notification.string("payloadFormat"));
        assertTrue(notification.dependsOn(publisher), "Cloud Storage checks the agent may publish when the notification is created");
        assertTrue(notification.dependsOn(r.one("gcp:pubsub/topic:Topic")));
    }

    @Test
    void withoutABucketThereIsNoNotificationNorTopicGrant() {
        MockCloud.Result r = run(false);
        assertEquals(List.of(), r.ofType("gcp:storage/notification:Notification"));
        assertEquals(List.of(), r.ofType("gcp:pubsub/topicIAMMember:TopicIAMMember"));
    }

    @Test
    void aTopicIdPubSubWouldRefuseIsRefusedNamingTheEventSource() {
        UserError e = assertThrows(UserError.class, () -> new PubSubEventSourceAccess.Args("dev", PROJECT, NAMESPACE, "hr-export",
                "goog-exports", Optional.empty(), Optional.empty(), PubSubEventSourceAccess.WaitFor.NOTHING));
        assertTrue(e.getMessage().startsWith("EventSource argo-events/hr-export: 'goog-exports' is not a Pub/Sub id"), e.getMessage());
    }
}
