package dev.argogke.workflows;

import dev.argogke.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stack changes on the way from {@code workflows/} to the cluster: suspension and image
 * overrides. The deployment applies it, and {@code status} applies the same to tell real drift
 * from what the stack does on purpose.
 */
public record DeployedForm(boolean suspendAll, ImageOverride images) {
    /** What the stack's workflows settings change. */
    public static DeployedForm of(Settings.Workflows workflows) {
        return new DeployedForm(workflows.suspendAll(), new ImageOverride(workflows.imageRegistry(), workflows.imageTag()));
    }

    /** The repository's objects as they are, for clusters deployed without overrides. */
    public static DeployedForm asWritten() {
        return new DeployedForm(false, new ImageOverride(java.util.Optional.empty(), java.util.Optional.empty()));
    }

    /** A deep copy of an object's spec as the stack deploys it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec(String kind, Map<String, Object> spec) {
        Map<String, Object> out = spec == null ? new LinkedHashMap<>() : (Map<String, Object>) images.rewrite(spec);
        if ("CronWorkflow".equals(kind) && suspendAll) {
            out.put("suspend", true);
        }
        return out;
    }
}
