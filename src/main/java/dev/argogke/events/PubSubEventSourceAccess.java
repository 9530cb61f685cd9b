package dev.argogke.events;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionExpirationPolicyArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import dev.argogke.UserError;
import dev.argogke.config.GoogleIds;
import dev.argogke.names.KubeNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one Argo Events {@code pubSub} EventSource needs from Google Cloud, least privilege and no
 * key: the topic (created, or an existing one referenced by name), a subscription of its own, a
 * Google service account that may only consume that subscription, and the event source's Kubernetes
 * service account acting as it through Workload Identity. Optionally a Cloud Storage bucket
 * notification publishing to the topic ({@link BucketNotificationArgs}).
 *
 * <p>What the event source calls (argo-events v1.9.10, pkg/eventsources/sources/gcppubsub/start.go,
 * prepareSubscription), given the subscription exists (this component creates it):
 * {@code TestPermissions(["pubsub.subscriptions.consume"])} on the subscription (testIamPermissions
 * needs no permission: Pub/Sub docs, "Access control with IAM"); then, when the EventSource names its
 * {@code topic} too, {@code subscription.Config}, i.e. {@code projects.subscriptions.get}, which needs
 * {@code pubsub.subscriptions.get} on the subscription; then {@code Receive} (pull, acknowledge:
 * {@code pubsub.subscriptions.consume}). {@code roles/pubsub.subscriber} holds consume (and
 * topics.attachSubscription, snapshots.seek) but not get, {@code roles/pubsub.viewer} holds get
 * (Pub/Sub docs, "Access control with IAM", roles table); both are granted on the subscription
 * alone, never on the project or the topic. It never creates the subscription or the topic here
 * (it would only if the subscription were missing, with project-wide rights it does not have).
 */
public final class PubSubEventSourceAccess extends ComponentResource {
    public static final String SUBSCRIBER = "roles/pubsub.subscriber";
    public static final String VIEWER = "roles/pubsub.viewer";
    public static final String PUBLISHER = "roles/pubsub.publisher";
    /** GKE docs, "Use Workload Identity Federation for GKE": the KSA annotation and the role on the Google account. */
    public static final String GCP_SERVICE_ACCOUNT_ANNOTATION = "iam.gke.io/gcp-service-account";
    public static final String WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";
    /**
     * Pub/Sub docs, "Resource names": a topic or subscription id starts with a letter, is 3 to 255
     * characters of letters, digits, {@code - . _ ~ % +}, and does not start with {@code goog}.
     */
    private static final Pattern PUBSUB_ID = Pattern.compile("(?!goog)[A-Za-z][A-Za-z0-9\\-._~%+]{2,254}");

    /**
     * @param stack              the stack: Google names are per project, so they carry it
     * @param project            the Google Cloud project of the topic, subscription and account
     * @param namespace          the EventSource's namespace (Argo Events', where its pod runs)
     * @param eventSource        the EventSource's name, as in {@code workflows/}
     * @param topic              the topic id
     * @param existingTopicProject the project of an existing topic (the EventSource's {@code topicProjectID});
     *                           empty: the topic is created in {@code project}
     * @param bucketNotification a bucket whose new objects publish to the topic
     */
    public record Args(String stack, String project, String namespace, String eventSource, String topic,
                       Optional<String> existingTopicProject, Optional<BucketNotificationArgs> bucketNotification, WaitFor waitFor) {
        /** Names Google or Kubernetes would refuse only during {@code pulumi up}, refused before anything is registered. */
        public Args {
            String where = "EventSource " + namespace + "/" + eventSource;
            KubeNames.subdomainProblem(serviceAccountName(eventSource)).ifPresent(problem -> {
                throw new UserError(where + ": its service account name " + serviceAccountName(eventSource) + " " + problem);
            });
            for (String id : List.of(topic, subscriptionId(stack, eventSource))) {
                if (!PUBSUB_ID.matcher(id).matches()) {
                    throw new UserError(where + ": '" + id + "' is not a Pub/Sub id: 3 to 255 letters, digits or - . _ ~ % +,"
                            + " starting with a letter, not with goog (Pub/Sub docs, \"Resource names\")");
                }
            }
        }
    }

    /**
     * A Cloud Storage bucket notification (Cloud Storage docs, "Pub/Sub notifications for Cloud
     * Storage"): {@code eventTypes} such as {@code OBJECT_FINALIZE} (an object was created or
     * overwritten), only objects under {@code objectNamePrefix} if given.
     */
    public record BucketNotificationArgs(String bucket, List<String> eventTypes, Optional<String> objectNamePrefix) {
        public BucketNotificationArgs {
            eventTypes = List.copyOf(eventTypes);
        }

        /** A file landing in the bucket: OBJECT_FINALIZE, sent once the object is fully written. */
        public static BucketNotificationArgs fileLanded(String bucket, Optional<String> objectNamePrefix) {
            return new BucketNotificationArgs(bucket, List.of("OBJECT_FINALIZE"), objectNamePrefix);
        }
    }

    /**
     * @param identityPool   what brings the Workload Identity pool into being (the cluster); binding a
     *                       Kubernetes service account fails with "Identity Pool does not exist" before
     *                       it (see {@code ArgoWorkflows.WaitFor})
     * @param namespace      what creates the EventSource's namespace (ArgoEvents)
     * @param apis           the project's APIs (Pub/Sub, Cloud Storage), which the storage agent's read waits for
     * @param googleProvider the explicit Google provider the program uses, for that read; empty: the default
     */
    public record WaitFor(List<Resource> identityPool, List<Resource> namespace, List<Resource> apis,
                          Optional<ProviderResource> googleProvider) {
        public static final WaitFor NOTHING = new WaitFor(List.of(), List.of(), List.of(), Optional.empty());

        public WaitFor {
            identityPool = List.copyOf(identityPool);
            namespace = List.copyOf(namespace);
            apis = List.copyOf(apis);
        }
    }

    private final Subscription subscription;
    private final Account account;
    private final List<Resource> ready = new java.util.ArrayList<>();

    public PubSubEventSourceAccess(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:events:PubSubEventSourceAccess", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Map<String, String> labels = Map.of("app", "argo-gke", "stack", GoogleIds.labelValue(args.stack()));
        Output<String> topicPath = args.existingTopicProject().isEmpty()
                ? new Topic(name, TopicArgs.builder().project(args.project()).name(args.topic()).labels(labels).build(), child)
                        .name().applyValue(n -> topicPath(args.project(), n))
                : Output.of(topicPath(args.existingTopicProject().get(), args.topic()));

        this.subscription = new Subscription(name, SubscriptionArgs.builder()
                .project(args.project())
                .name(subscriptionId(args.stack(), args.eventSource()))
                .topic(topicPath)
                .labels(labels)
                // Pub/Sub deletes a subscription after 31 days without a subscriber by default (Pub/Sub
                // docs, "Subscription properties", expiration period); an empty ttl never expires (pulumi-gcp
                // docs, pubsub.Subscription expirationPolicy: "if ttl is \"\", the resource never expires"), so a
                // monthly file or a paused event source does not lose its subscription.
                .expirationPolicy(SubscriptionExpirationPolicyArgs.builder().ttl("").build())
                .build(), child);

        this.account = new Account(name, AccountArgs.builder()
                .project(args.project())
                .accountId(GoogleIds.serviceAccountId("ev-" + args.eventSource() + "-" + args.stack()))
                .displayName("Argo Events source " + args.namespace() + "/" + args.eventSource() + " of stack " + args.stack() + " (argo-gke)")
                .build(), child);
        Output<String> member = account.email().applyValue(e -> "serviceAccount:" + e);
        for (String role : List.of(SUBSCRIBER, VIEWER)) {
            ready.add(new SubscriptionIAMMember(name + "-" + role.substring(role.lastIndexOf('.') + 1), SubscriptionIAMMemberArgs.builder()
                    .project(args.project())
                    .subscription(subscription.name())
                    .role(role)
                    .member(member)
                    .build(), child));
        }
        kubernetesSide(name, args);
        args.bucketNotification().ifPresent(n -> new BucketNotification(this, name, args, n, topicPath));
        registerOutputs(Map.of("subscription", subscription.name(), "serviceAccount", Output.of(serviceAccountName(args.eventSource()))));
    }

    /** The event source's Kubernetes service account, annotated, and the binding that lets exactly it act as the Google account. */
    private void kubernetesSide(String name, Args args) {
        String ksa = serviceAccountName(args.eventSource());
        ready.add(new ServiceAccount(name, ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ksa).namespace(args.namespace())
                        .labels(Map.of("app.kubernetes.io/part-of", "argo-gke"))
                        // From the account id, an input, so a preview shows it (an email is id@project.iam.gserviceaccount.com).
                        .annotations(account.accountId().applyValue(id ->
                                Map.of(GCP_SERVICE_ACCOUNT_ANNOTATION, GoogleIds.serviceAccountEmail(id, args.project()))))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.waitFor().namespace()).build()));
        ready.add(new IAMMember(name + "-wi", IAMMemberArgs.builder()
                .serviceAccountId(account.name())
                .role(WORKLOAD_IDENTITY_USER)
                .member(workloadIdentityMember(args.project(), args.namespace(), ksa))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.waitFor().identityPool()).build()));
    }

    /** GKE docs, "Use Workload Identity Federation for GKE": {@code serviceAccount:PROJECT_ID.svc.id.goog[NAMESPACE/KSA_NAME]}. */
    static String workloadIdentityMember(String project, String namespace, String ksa) {
        return "serviceAccount:" + project + ".svc.id.goog[" + namespace + "/" + ksa + "]";
    }

    /** The name the EventSource's {@code spec.template.serviceAccountName} must give. */
    public static String serviceAccountName(String eventSource) {
        return eventSource + "-eventsource";
    }

    /** The subscription the EventSource's {@code subscriptionID} must name. */
    public static String subscriptionId(String stack, String eventSource) {
        return "argo-events-" + stack + "-" + eventSource;
    }

    static String topicPath(String project, String topic) {
        return "projects/" + project + "/topics/" + topic;
    }

    /**
     * What the EventSource's pod needs before it starts: its service account, the Workload Identity
     * binding and the subscription's grants (without them its first pull fails).
     */
    public List<Resource> ready() {
        return List.copyOf(ready);
    }

    public Subscription subscription() {
        return subscription;
    }

    public Account account() {
        return account;
    }
}
