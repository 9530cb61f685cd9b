package dev.argogke.policy;

import dev.argogke.argo.ArgoVersion;
import dev.argogke.config.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * No Argo older than the one argo-gke pins and tests ({@link ArgoVersion}: chart
 * {@value ArgoVersion#CHART_VERSION}, Argo {@value ArgoVersion#APP_VERSION}). An older chart or
 * image lacks the security fixes of the releases since (Argo's advisories:
 * github.com/argoproj/argo-workflows/security/advisories) and was never rendered by the tests;
 * pinning one back takes a waiver with a reason.
 */
final class ArgoVersionCurrent implements Rule {
    @Override
    public String name() {
        return "argo-version-current";
    }

    @Override
    public String description() {
        return "the Argo chart is at least " + ArgoVersion.CHART_VERSION + " and the Argo images at least " + ArgoVersion.APP_VERSION;
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        Settings.Argo argo = input.settings().argo();
        List<Violation> out = new ArrayList<>();
        if (argo == null) {
            return out;
        }
        if (compare(argo.chartVersion(), ArgoVersion.CHART_VERSION) < 0) {
            out.add(violation(input.origin() + ": argo-gke:argo.chartVersion", argo.chartVersion() + " is older than the pinned chart "
                    + ArgoVersion.CHART_VERSION + "; remove the setting to deploy the pinned chart, or waive " + name() + " with a reason"));
        }
        if (compare(argo.imageTag(), ArgoVersion.APP_VERSION) < 0) {
            out.add(violation(input.origin() + ": argo-gke:argo.imageTag", argo.imageTag() + " is older than the pinned Argo "
                    + ArgoVersion.APP_VERSION + "; remove the setting to run the pinned release, or waive " + name() + " with a reason"));
        }
        return out;
    }

    /**
     * Semantic-version order of {@code [v]MAJOR.MINOR.PATCH[-pre]}: numbers compared as numbers, and
     * a pre-release before its release (semver.org, rule 11), so v4.0.6-rc1 is older than v4.0.6.
     */
    static int compare(String a, String b) {
        String[] pa = core(a).split("\\.");
        String[] pb = core(b).split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(number(pa, i), number(pb, i));
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(!pre(a), !pre(b));
    }

    private static String core(String v) {
        String s = v.startsWith("v") ? v.substring(1) : v;
        int dash = s.indexOf('-');
        return dash < 0 ? s : s.substring(0, dash);
    }

    private static boolean pre(String v) {
        return v.indexOf('-') >= 0;
    }

    private static long number(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
