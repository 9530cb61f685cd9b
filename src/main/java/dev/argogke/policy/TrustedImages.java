package dev.argogke.policy;

import dev.argogke.config.Settings;
import dev.argogke.edge.IapProxy;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Job images come from Google's registries and, in prod, by a tag that names a release.
 * {@code argo-gke:workflows.imageRegistry} must be Artifact Registry ({@code LOCATION-docker.pkg.dev},
 * cloud.google.com/artifact-registry/docs/docker/names) or Container Registry ({@code gcr.io} and
 * its {@code us.}/{@code eu.}/{@code asia.} hosts), where the project's IAM decides who may push.
 * In prod, every image the workflows deploy is from such a registry, and is pinned: a digest, or a
 * tag with a digit in it; {@code latest}, {@code main} or {@code stable} move under a running
 * schedule (Argo's security docs: pin images; Kubernetes "Images": avoid {@code :latest} in production).
 *
 * <p>The containers argo-gke adds to the Argo chart's pods ({@code extraContainers} and
 * {@code extraInitContainers} of the server and the controller) are held to the same registries,
 * in every environment: they run next to argo-server, with its service account. The one exception
 * is the upstream image argo-gke pins itself, Envoy for the IAP proxy ({@link IapProxy#IMAGE}),
 * accepted by that exact reference only.
 */
final class TrustedImages implements Rule {
    @Override
    public String name() {
        return "trusted-images";
    }

    @Override
    public String description() {
        return "job images and the Argo pods' extra containers from Artifact Registry or gcr.io only (or argo-gke's pinned Envoy); "
                + "in prod, job images pinned (a digest or a versioned tag, never latest)";
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        Settings s = input.settings();
        boolean prod = s.environment() == Settings.Environment.PROD;
        List<Violation> out = new ArrayList<>();
        Optional<String> registry = Optional.ofNullable(s.workflows()).flatMap(Settings.Workflows::imageRegistry);
        registry.filter(r -> !allowedRegistry(r)).ifPresent(r -> out.add(violation(input.origin() + ": argo-gke:workflows.imageRegistry",
                "'" + r + "' is not Artifact Registry (LOCATION-docker.pkg.dev/PROJECT/REPO) or gcr.io; anyone may push to a public registry's namespace")));
        Optional<String> tag = Optional.ofNullable(s.workflows()).flatMap(Settings.Workflows::imageTag);
        tag.filter(t -> prod && mutable(t)).ifPresent(t -> out.add(violation(input.origin() + ": argo-gke:workflows.imageTag",
                "'" + t + "' is a moving tag, so prod would run whatever was pushed last; use a release tag such as 1.8.2 or a digest")));
        chartSidecars(new PlanQuery(input.plan()), out);
        if (prod) {
            for (WorkflowObjects.Doc doc : WorkflowObjects.of(input)) {
                WorkflowObjects.templates(doc, (tp, template) -> WorkflowObjects.containers(tp, template, (cp, container) ->
                        checkImage(doc.where() + ": " + cp + ".image", Tree.string(container.get("image")), out)));
            }
        }
        return out;
    }

    /** Where argo-helm's argo-workflows values.yaml takes containers for the chart's pods. */
    private static final List<String> CHART_CONTAINERS = List.of("server.extraContainers", "server.extraInitContainers",
            "controller.extraContainers", "controller.extraInitContainers");

    private void chartSidecars(PlanQuery plan, List<Violation> out) {
        for (PlanQuery.HelmRelease release : plan.helmReleases()) {
            if (!PlannedServices.ARGO_CHART.equals(release.chart()) || !release.valuesKnown()) {
                continue; // least-privilege already reports values known only after deploy
            }
            for (String key : CHART_CONTAINERS) {
                List<?> containers = Tree.list(release.value(key));
                for (int i = 0; i < containers.size(); i++) {
                    String image = Tree.string(containers.get(i), "image");
                    if (image != null && !allowedImage(image) && !PINNED_UPSTREAM.contains(dockerReference(image))) {
                        out.add(violation(PlanQuery.label(release.resource()) + ": values." + key + "[" + i + "].image",
                                "'" + image + "' is neither from Artifact Registry or gcr.io nor an upstream image argo-gke pins ("
                                        + String.join(", ", PINNED_UPSTREAM) + "); push it to the project's registry"));
                    }
                }
            }
        }
    }

    /** Upstream images argo-gke itself runs, by full reference and release tag. */
    static final List<String> PINNED_UPSTREAM = List.of(IapProxy.IMAGE);

    /**
     * An image reference as Docker resolves it: without a registry host (a first part with a dot or
     * colon, or {@code localhost}) it is on docker.io, and a single name is under {@code library/}.
     */
    static String dockerReference(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            return image;
        }
        return "docker.io/" + (slash < 0 ? "library/" : "") + image;
    }

    private void checkImage(String where, String image, List<Violation> out) {
        if (image == null || image.contains("{{")) {
            return; // absent, or an Argo parameter resolved at run time: the linter checks those
        }
        if (!allowedImage(image)) {
            out.add(violation(where, "'" + image + "' is not from Artifact Registry or gcr.io; push it to the project's registry (or set argo-gke:workflows.imageRegistry)"));
        } else if (!image.contains("@") && mutable(tagOf(image))) {
            out.add(violation(where, "'" + image + "' is not pinned; use a release tag such as :1.8.2 or a digest (@sha256:...), or set argo-gke:workflows.imageTag"));
        }
    }

    /** A registry setting: its host is everything before the first slash ({@code europe-docker.pkg.dev/p/jobs}). */
    static boolean allowedRegistry(String registry) {
        int slash = registry.indexOf('/');
        return allowedHost(slash < 0 ? registry : registry.substring(0, slash));
    }

    /** An image's registry, by Docker's rule: a first part with a dot or a colon is a host, else it is docker.io. */
    static boolean allowedImage(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        return allowedHost(first.contains(".") || first.contains(":") ? first : "docker.io");
    }

    static boolean allowedHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith("-docker.pkg.dev") || h.equals("gcr.io") || h.endsWith(".gcr.io");
    }

    /** The tag after the last colon that follows the last slash; "latest" when there is none, as Docker assumes. */
    static String tagOf(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    /** A tag without a digit names a channel or a branch (latest, stable, main, dev), which moves. */
    static boolean mutable(String tag) {
        return tag.chars().noneMatch(Character::isDigit);
    }
}
