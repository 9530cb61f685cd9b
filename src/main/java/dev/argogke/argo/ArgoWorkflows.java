package dev.argogke.argo;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.argogke.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo Workflows on the cluster: its namespace, the pinned Helm release (controller and
 * argo-server), and the GCS bucket that holds artifacts and archived logs.
 *
 * <p>Workflow pods and argo-server reach the bucket through Workload Identity: each Kubernetes
 * service account is bound to a Google service account; no key file exists anywhere.
 */
public final class ArgoWorkflows extends ComponentResource {
    public static final String CHART = ArgoVersion.CHART;
    /** fullnameOverride: gives the classic object names, Service {@code argo-server}. */
    public static final String FULLNAME = "argo";
    public static final String SERVER_SERVICE = "argo-server";
    public static final int SERVER_PORT = 2746;
    public static final String WORKFLOW_SERVICE_ACCOUNT = "argo-workflow";
    public static final String SERVER_SERVICE_ACCOUNT = "argo-server";
    public static final String CONTROLLER_SERVICE_ACCOUNT = "argo-workflow-controller";
    public static final String RELEASE_NAME = "argo-workflows";
    /** argo-server's pod annotation that follows the proxy's configuration. */
    public static final String PROXY_CONFIG_ANNOTATION = "argo-gke.dev/server-proxy-config";
    /** Where Argo puts each pod's artifacts and logs in the bucket; Argo fills the variables in per pod. */
    public static final String ARTIFACT_KEY_FORMAT = "{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}";
    /**
     * The labels of argo-server's pods: the chart's selector labels, name {@code <chart name>-server}
     * and instance {@code <release name>} (argo-helm charts/argo-workflows templates/_helpers.tpl).
     */
    public static final Map<String, String> SERVER_POD_LABELS = Map.of(
            "app.kubernetes.io/name", CHART + "-server",
            "app.kubernetes.io/instance", RELEASE_NAME);

    /**
     * Labels of the namespaces argo-gke creates. Pod Security Admission (built into the API server,
     * Kubernetes docs "Pod Security Admission" and "Pod Security Standards") refuses there any pod
     * that breaks the baseline standard: privileged containers, host namespaces (network, PID, IPC),
     * hostPath volumes, added capabilities beyond the default set. So neither a workflow nor anyone
     * who can submit one (an IAP user, in server auth mode) can take over a node. Not restricted:
     * it also requires runAsNonRoot, a seccomp profile and dropped capabilities on every container,
     * which a team's existing job images and templates mostly do not set, so every first deploy
     * would fail; restricted is warned about and audited instead, so a team sees what to fix.
     */
    public static final Map<String, String> NAMESPACE_LABELS = Map.of(
            "app.kubernetes.io/part-of", "argo-gke",
            "pod-security.kubernetes.io/enforce", "baseline",
            "pod-security.kubernetes.io/warn", "restricted",
            "pod-security.kubernetes.io/audit", "restricted");

    /**
     * Argo's workflow restrictions (docs/workflow-restrictions.md; v4.0.7 workflow/controller/
     * operator.go setExecWorkflow, workflow/util/merge.go): the controller runs a Workflow only if it
     * references a WorkflowTemplate, and the Workflow itself may set only arguments, entrypoint,
     * suspend/shutdown, deadlines, priority, TTL and GC, archiveLogs, metadata and metrics. So what a
     * UI user (every one of them acts as argo-server's account in server auth mode) submits runs the
     * repository's templates as written: no other service account, pod spec patch, volume or host
     * access. Not {@code Secure}, which also fails a running workflow whose template changed, so a
     * deploy during a long nightly run would break it.
     */
    public static final String TEMPLATE_REFERENCING = "Strict";

    /**
     * @param google        the Google Cloud project, on GKE: the artifact bucket and the Google
     *                      service accounts (through Workload Identity) go there; empty for a
     *                      cluster outside Google Cloud, which then has neither
     * @param workflowsPool the workflowsOnly node pool workflow pods are steered to, if there is one
     * @param server        how argo-server's Service is exposed (the edge decides)
     */
    public record Args(Optional<Settings.Gcp> google, String stack, boolean production,
                       Settings.Argo argo, Settings.Workflows workflows,
                       Optional<String> workflowsPool, ServerService server, WaitFor waitFor) {
        /** Args that wait for nothing outside the component (tests of the component alone). */
        public Args(Optional<Settings.Gcp> google, String stack, boolean production,
                    Settings.Argo argo, Settings.Workflows workflows,
                    Optional<String> workflowsPool, ServerService server) {
            this(google, stack, production, argo, workflows, workflowsPool, server, WaitFor.NOTHING);
        }
    }

    /** What the chart's values take from Google Cloud: the bucket and the two Google service accounts' emails. */
    record GoogleNames(String bucket, String workflowsAccount, String serverAccount) {
    }

    /**
     * What parts of Argo must wait for, beyond what their inputs come from.
     *
     * @param identityPool what brings the project's Workload Identity pool into being: the cluster.
     *                     Until a cluster with Workload Identity exists, binding a Kubernetes
     *                     service account fails with "Error 400: Identity Pool does not exist", and
     *                     the provider does not retry a 400
     *                     (terraform-google-modules/terraform-google-kubernetes-engine#916)
     * @param podsCanRun   what the chart's pods need to start: nodes (the node pools; the cluster's
     *                     default pool is removed) and, with private nodes, the Cloud NAT that
     *                     their images (quay.io) are pulled through. Without them the atomic
     *                     release waits out its timeout and rolls back
     */
    public record WaitFor(List<Resource> identityPool, List<Resource> podsCanRun) {
        public static final WaitFor NOTHING = new WaitFor(List.of(), List.of());

        public WaitFor {
            identityPool = List.copyOf(identityPool);
            podsCanRun = List.copyOf(podsCanRun);
        }
    }

    private final Namespace namespace;
    private final Namespace workflowsNamespace;
    private final Release release;
    private Optional<Bucket> bucket = Optional.empty();

    public ArgoWorkflows(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:argo:ArgoWorkflows", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Settings.Argo argo = args.argo();
        String workflowsNs = args.workflows().namespace();

        this.namespace = new Namespace(name, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(argo.namespace()).labels(NAMESPACE_LABELS).build())
                .build(), child);
        // Workflows run in a namespace of their own, never the controller's (Argo docs/security.md,
        // "Workflow RBAC": whoever may create workflows in the controller's namespace may be able to
        // modify the controller); the settings refuse the same name for both.
        this.workflowsNamespace = new Namespace(name + "-workflows", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(workflowsNs).labels(NAMESPACE_LABELS).build())
                .build(), child);
        List<Resource> namespaces = List.of(namespace, workflowsNamespace);

        Output<Optional<GoogleNames>> googleNames = args.google()
                .map(gcp -> googleSide(name, args, gcp))
                .orElse(Output.of(Optional.empty()));
        List<Resource> releaseNeeds = releaseNeeds(name, args, namespaces, googleNames);

        this.release = new Release(name, ArgoChart.chart(argo.chartSource(), argo.chartVersion())
                .namespace(argo.namespace())
                // From inputs only (the email follows from the account id), so a preview of a fresh
                // stack shows the chart's values, and the policy checks can read them, instead of
                // one value known only after deploy. The Outputs still carry the dependencies.
                .values(googleNames.applyValue(names -> ArgoChart.values(args, names)))
                // Wait until the controller and server are up: workflows deployed after this find the CRDs.
                .atomic(true)
                .cleanupOnFail(true)
                .timeout(600)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(releaseNeeds).build());

        registerOutputs(Map.of(
                "namespace", namespace.metadata().applyValue(m -> m.name().orElse("")),
                "chartVersion", Output.of(argo.chartVersion())));
    }

    /**
     * What the release must wait for: the namespaces, the accounts and Roles its pods act with, the
     * edit guard, what lets pods run, and the proxy's configuration.
     */
    private List<Resource> releaseNeeds(String name, Args args, List<Resource> namespaces, Output<Optional<GoogleNames>> googleNames) {
        Settings.Argo argo = args.argo();
        String workflowsNs = args.workflows().namespace();
        var workflowsAccount = new WorkflowsAccount(name + "-workflows-account", new WorkflowsAccount.Args(workflowsNs,
                WORKFLOW_SERVICE_ACCOUNT, googleNames.applyValue(g -> g.map(GoogleNames::workflowsAccount))),
                ComponentResourceOptions.builder().parent(this).dependsOn(namespaces).build());

        // argo-server's permissions, instead of the chart's (which include reading every Secret).
        var serverRbac = new ServerRbac(name + "-server-rbac",
                new ServerRbac.Args(argo.namespace(), workflowsNs, SERVER_SERVICE_ACCOUNT),
                ComponentResourceOptions.builder().parent(this).dependsOn(namespaces).build());
        // The controller's rights in the workflows namespace, and its read access to
        // ClusterWorkflowTemplates, which it checks once at start.
        var controllerRbac = new ControllerRbac(name + "-controller-rbac",
                new ControllerRbac.Args(argo.namespace(), workflowsNs, CONTROLLER_SERVICE_ACCOUNT),
                ComponentResourceOptions.builder().parent(this).dependsOn(namespaces).build());
        // The UI may only suspend or resume a CronWorkflow; in place before argo-server first starts.
        var cronEditGuard = new CronWorkflowEditGuard(name + "-cron-edit-guard",
                new CronWorkflowEditGuard.Args(argo.namespace(), workflowsNs, SERVER_SERVICE_ACCOUNT, args.workflows().directory()),
                ComponentResourceOptions.builder().parent(this).build());
        List<Resource> releaseNeeds = new ArrayList<>(namespaces);
        releaseNeeds.add(serverRbac);
        releaseNeeds.add(controllerRbac);
        releaseNeeds.add(workflowsAccount);
        releaseNeeds.add(cronEditGuard);
        releaseNeeds.addAll(args.waitFor().podsCanRun());
        args.server().proxy().ifPresent(proxy -> releaseNeeds.add(proxyConfig(name, argo.namespace(), proxy, namespace)));
        return releaseNeeds;
    }

    /**
     * The configuration of the proxy in argo-server's pod, before the release: the pod cannot start
     * without it, and the atomic release waits for the pod. Its text may be known only after
     * deploy (it depends on Google's answer); the chart's values only name it.
     */
    private ConfigMap proxyConfig(String name, String namespaceName, ServerProxy proxy, Namespace namespace) {
        return new ConfigMap(name + "-server-proxy", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(proxy.configMap())
                        .namespace(namespaceName)
                        .labels(Map.of("app.kubernetes.io/part-of", "argo-gke"))
                        .build())
                .data(proxy.config().applyValue(text -> Map.of(proxy.configKey(), text)))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(namespace).build());
    }

    public Namespace namespace() {
        return namespace;
    }

    /** The namespace the workflows run in. */
    public Namespace workflowsNamespace() {
        return workflowsNamespace;
    }

    public Release release() {
        return release;
    }

    /** The artifact bucket, on GKE. */
    public Optional<Bucket> bucket() {
        return bucket;
    }

    /** The Google side, on GKE, as children of this component: see {@link GoogleSide}. */
    private Output<Optional<GoogleNames>> googleSide(String name, Args args, Settings.Gcp gcp) {
        GoogleSide google = GoogleSide.create(this, name, args, gcp);
        this.bucket = Optional.of(google.bucket());
        return google.names().applyValue(Optional::of);
    }
}
