package dev.argogke.events;

import dev.argogke.argo.ArgoVersion;

/**
 * The one place that says which Argo Events argo-gke installs: argo-helm's {@value #CHART} chart
 * {@value #CHART_VERSION}, whose Chart.yaml {@code appVersion} is {@value #APP_VERSION}
 * (github.com/argoproj/argo-helm, tag {@code argo-events-2.4.22}, charts/argo-events).
 */
public final class ArgoEventsVersion {
    /** The chart's name in argo-helm's repository. */
    public static final String CHART = "argo-events";
    public static final String CHART_VERSION = "2.4.22";
    /** The chart's appVersion: the tag of the Argo Events image it runs. */
    public static final String APP_VERSION = "v1.9.10";
    /** The same repository as argo-workflows'. */
    public static final String CHART_REPOSITORY = ArgoVersion.CHART_REPOSITORY;
    /**
     * The chart is signed with the same key as argo-workflows: its Chart.yaml annotation
     * {@code artifacthub.io/signKey} names fingerprint {@value ArgoVersion#SIGNING_KEY_FINGERPRINT}
     * (argo-helm signs every chart it releases: .github/configs/cr.yaml, {@code sign: true}), so the
     * same dearmored keyring verifies it.
     */
    public static final String KEYRING = ArgoVersion.KEYRING;
    /**
     * The NATS JetStream version of the EventBus: one of the versions the chart's controller
     * configuration lists (values.yaml {@code configs.jetstream.versions}, rendered into
     * templates/argo-events-controller/config.yaml), the newest pinned one ({@code latest} runs the
     * same nats:2.10.10 image but would silently move with a chart upgrade). The controller refuses an
     * EventBus whose version is not listed (argo-events v1.9.10,
     * pkg/reconciler/config.go, GetJetStreamVersion: "unsupported version").
     */
    public static final String JETSTREAM_VERSION = "2.10.10";
    public static final String SOURCE = "github.com/argoproj/argo-helm, tag argo-events-" + CHART_VERSION + ", charts/argo-events";

    private ArgoEventsVersion() {
    }
}
