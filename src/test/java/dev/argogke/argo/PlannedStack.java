package dev.argogke.argo;

import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.testing.Shared;
import dev.argogke.testing.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A committed stack run through the real program offline ({@link OfflinePlan}): its resources as
 * the SDK registers them, and in particular the Argo Helm release's inputs, which are what the
 * Kubernetes provider hands to Helm.
 */
record PlannedStack(String stack, PlanFile plan) {
    private static final Map<String, PlannedStack> PLANS = new ConcurrentHashMap<>();
    private static final Map<String, RenderedChart> RENDERS = new ConcurrentHashMap<>();

    /**
     * A stack no file commits: dev with its workflows in a namespace of their own, the layout where
     * the chart uses ClusterRoles and per-namespace workflow accounts instead of one namespace's Roles.
     */
    static final String SEPARATE_NAMESPACE = "dev-jobs-namespace";

    /** The stacks with a file in {@code stacks/}. */
    static List<String> committed() {
        return StackFile.stacksIn(Path.of("stacks"));
    }

    /** The committed stacks and {@link #SEPARATE_NAMESPACE}. */
    static List<String> layouts() {
        List<String> out = new ArrayList<>(committed());
        out.add(SEPARATE_NAMESPACE);
        return out;
    }

    /** The plan of {@code stacks/Pulumi.<stack>.yaml} (or of {@link #SEPARATE_NAMESPACE}), made once per test run. */
    static PlannedStack of(String stack) {
        return PLANS.computeIfAbsent(stack, s -> new PlannedStack(s,
                OfflinePlan.run(Path.of("."), stackFile(s), Optional.empty())));
    }

    private static StackFile stackFile(String stack) {
        if (!stack.equals(SEPARATE_NAMESPACE)) {
            return StackFile.read(Path.of("stacks", "Pulumi." + stack + ".yaml"));
        }
        try {
            Path dir = Files.createTempDirectory("argo-layout");
            dir.toFile().deleteOnExit();
            StackFile file = TestSettings.stackFile(dir, stack,
                    TestSettings.devWith("  argo-gke:workflows:\n", "  argo-gke:workflows:\n    namespace: jobs\n"));
            Files.delete(dir.resolve("Pulumi." + stack + ".yaml"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlannedStack of(StackFile file) {
        return new PlannedStack(file.stack(), OfflinePlan.run(Path.of("."), file, Optional.empty()));
    }

    PlanFile.Resource release() {
        // The stacks also install External Secrets Operator's release (named secrets) for the JIRA sync's token.
        List<PlanFile.Resource> releases = plan.resourcesOfType(ResourceTypes.HELM_RELEASE).stream()
                .filter(r -> r.name().equals("argo")).toList();
        if (releases.size() != 1) {
            throw new AssertionError("stack " + stack + " plans " + releases.size() + " Helm releases named argo, expected the Argo one");
        }
        return releases.get(0);
    }

    /** The release's {@code values} input: exactly what the program passes to Helm. */
    @SuppressWarnings("unchecked")
    Map<String, Object> values() {
        Object values = release().input("values");
        if (!(values instanceof Map<?, ?>)) {
            throw new AssertionError("stack " + stack + ": the release's values are not known at preview: " + values);
        }
        return (Map<String, Object>) values;
    }

    String releaseName() {
        return (String) release().input("name");
    }

    String namespace() {
        return (String) release().input("namespace");
    }

    List<PlanFile.Resource> ofType(String type) {
        return plan.resourcesOfType(type);
    }

    PlanFile.Resource one(String type) {
        List<PlanFile.Resource> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("stack " + stack + " plans " + found.size() + " " + type + ", expected one");
        }
        return found.get(0);
    }

    /** A committed stack's release rendered from the shared chart, once per test run. */
    static RenderedChart rendered(String stack) {
        return RENDERS.computeIfAbsent(stack, s -> of(s).render(Shared.argoChart()));
    }

    /** {@code helm template} of {@code chart} with this stack's release name, namespace and values. */
    RenderedChart render(Path chart) {
        return RenderedChart.render(chart, releaseName(), namespace(), values());
    }
}
