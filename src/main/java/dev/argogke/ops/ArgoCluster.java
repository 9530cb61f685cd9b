package dev.argogke.ops;

import dev.argogke.UserError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Argo objects of one namespace of a live cluster, read and written with retries. Failures the
 * user can act on (credentials, permissions, no Argo, unreachable) become a {@link UserError}.
 */
public final class ArgoCluster implements AutoCloseable {
    private final KubeConnection connection;
    private final String namespace;
    private final Retry retry;

    public ArgoCluster(KubeConnection connection, String namespace, Retry retry) {
        this.connection = connection;
        this.namespace = namespace;
        this.retry = retry;
    }

    /** A cluster with the standard retry policy, stopped by {@code cancellation}. */
    public static ArgoCluster connect(KubeConnection connection, String namespace, Cancellation cancellation) {
        Retry retry = new Retry(RetryPolicy.standard(), cancellation, cancellation::sleep, connection.retryAfterCapture());
        return new ArgoCluster(connection, namespace, retry);
    }

    public String namespace() {
        return namespace;
    }

    public KubeConnection connection() {
        return connection;
    }

    public Retry retry() {
        return retry;
    }

    public List<GenericKubernetesResource> cronWorkflows() {
        List<GenericKubernetesResource> items = call("list CronWorkflows", () -> crons().list().getItems());
        return items.stream().sorted(Comparator.comparing(r -> r.getMetadata().getName())).toList();
    }

    public Optional<GenericKubernetesResource> cronWorkflow(String name) {
        return Optional.ofNullable(call("get CronWorkflow " + name, () -> crons().withName(name).get()));
    }

    /** The CronWorkflow, or a {@link UserError} listing the ones that do exist. */
    public GenericKubernetesResource requireCronWorkflow(String name) {
        return cronWorkflow(name).orElseThrow(() -> {
            List<String> names = cronWorkflows().stream().map(r -> r.getMetadata().getName()).toList();
            return new UserError("no CronWorkflow " + name + " in namespace " + namespace
                    + (names.isEmpty() ? " (there are none: pick the namespace with -n or --stack)"
                    : " (there are: " + String.join(", ", names) + ")"));
        });
    }

    /**
     * The Argo Events objects of one kind in {@code eventsNamespace}, by name; empty when the API server does not
     * serve the kind (HTTP 404: Argo Events' CRDs are not installed, so the cluster runs no event-driven workflows).
     */
    public Optional<List<GenericKubernetesResource>> eventObjects(CustomResourceDefinitionContext kind, String eventsNamespace) {
        String what = "list " + kind.getKind() + "s";
        try {
            List<GenericKubernetesResource> items = retry.call(what, () -> connection.client()
                    .genericKubernetesResources(kind).inNamespace(eventsNamespace).list().getItems());
            return Optional.of(items.stream().sorted(Comparator.comparing(r -> r.getMetadata().getName())).toList());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            if (e.getCode() == 403) {
                String detail = e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : KubeConnection.firstLine(e);
                throw new UserError("not allowed to " + what + " in namespace " + eventsNamespace + " (HTTP 403: " + detail
                        + "): ask for a role that can read " + kind.getPlural() + ".argoproj.io there, or name the"
                        + " namespace with --events-namespace", e);
            }
            throw ClusterErrors.toUserError(e, what, connection, eventsNamespace);
        }
    }

    /** Workflows with label {@code key=value}, or with label {@code key} at all when value is null. */
    public List<GenericKubernetesResource> workflows(String key, String value) {
        return call("list Workflows", () -> (value == null
                ? workflowsApi().withLabel(key) : workflowsApi().withLabel(key, value)).list().getItems());
    }

    public Optional<GenericKubernetesResource> workflow(String name) {
        return Optional.ofNullable(call("get Workflow " + name, () -> workflowsApi().withName(name).get()));
    }

    /**
     * Creates {@code workflow}. 409 (the name is taken) is {@link CreateResult.Outcome#EXISTING} with
     * the object the server has, unless that object carries the same {@code marker} annotation as
     * {@code workflow}: then an earlier attempt of this very create reached the server before its
     * answer was lost (dropped connection, timeout), and it counts as created. Transient errors are
     * retried; other failures come back as {@link CreateResult.Outcome#FAILED}, except those that
     * would fail every create the same way (credentials, permissions, no Argo, unreachable), which
     * throw a {@link UserError}.
     */
    public CreateResult create(GenericKubernetesResource workflow, String marker) {
        String name = workflow.getMetadata().getName();
        String what = "create Workflow " + name;
        AtomicInteger attempts = new AtomicInteger();
        try {
            GenericKubernetesResource created = retry.call(what, () -> {
                attempts.incrementAndGet();
                return workflowsApi().resource(workflow).create();
            });
            return new CreateResult(CreateResult.Outcome.CREATED, created, null, attempts.get() - 1);
        } catch (KubernetesClientException e) {
            int retries = Math.max(0, attempts.get() - 1);
            if (e.getCode() == 409 && name != null) {
                GenericKubernetesResource existing = workflow(name).orElse(null);
                if (existing != null) {
                    String ours = annotation(workflow, marker);
                    boolean mine = ours != null && ours.equals(annotation(existing, marker));
                    return new CreateResult(mine ? CreateResult.Outcome.CREATED : CreateResult.Outcome.EXISTING,
                            existing, null, retries);
                }
            }
            if (isFatal(e)) {
                throw ClusterErrors.toUserError(e, what, connection, namespace);
            }
            String detail = e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : ClusterErrors.rootCause(e);
            return new CreateResult(CreateResult.Outcome.FAILED, null,
                    (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + detail, retries);
        }
    }

    private static String annotation(GenericKubernetesResource r, String key) {
        return key == null || r.getMetadata().getAnnotations() == null ? null : r.getMetadata().getAnnotations().get(key);
    }

    /** The pods of a Workflow (label {@code workflows.argoproj.io/workflow}). */
    public List<Pod> podsOf(String workflowName) {
        return call("list pods of Workflow " + workflowName, () -> connection.client().pods().inNamespace(namespace)
                .withLabel(ArgoResources.LABEL_POD_WORKFLOW, workflowName).list().getItems());
    }

    /** The log of a pod's {@code main} container; empty when the pod is gone. */
    public String mainLog(String podName) {
        try {
            return retry.call("read the log of pod " + podName, () -> connection.client().pods().inNamespace(namespace)
                    .withName(podName).inContainer(ArgoResources.MAIN_CONTAINER).getLog());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 400) {
                return "";
            }
            throw ClusterErrors.toUserError(e, "read the log of pod " + podName, connection, namespace);
        }
    }

    private static boolean isFatal(KubernetesClientException e) {
        int code = e.getCode();
        return code == 401 || code == 403 || code == 404 || code <= 0;
    }

    private <T> T call(String what, Supplier<T> call) {
        try {
            return retry.call(what, call);
        } catch (KubernetesClientException e) {
            throw ClusterErrors.toUserError(e, what, connection, namespace);
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> crons() {
        return connection.client().genericKubernetesResources(ArgoResources.CRON_WORKFLOWS).inNamespace(namespace);
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> workflowsApi() {
        return connection.client().genericKubernetesResources(ArgoResources.WORKFLOWS).inNamespace(namespace);
    }

    @Override
    public void close() {
        connection.close();
    }
}
