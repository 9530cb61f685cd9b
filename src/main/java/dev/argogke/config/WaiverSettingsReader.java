package dev.argogke.config;

import dev.argogke.config.Settings.Waiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code argo-gke:waivers}: the policy rules a stack may break, each with the reason why.
 */
final class WaiverSettingsReader {

    private WaiverSettingsReader() {
    }

    static List<Waiver> waivers(ConfigValue v) {
        List<Waiver> waivers = new ArrayList<>();
        for (ConfigValue w : v.list()) {
            if (!w.present()) {
                w.problem("must be a mapping {rule: <name>, reason: <why>}");
                continue;
            }
            if (!w.object("waivers[]")) {
                continue;
            }
            String rule = w.requiredText(SettingsSchema.WAIVER_RULE_SETTING, "the policy rule's name, as `bin/argo-gke check` prints it");
            ConfigValue reasonValue = w.field(SettingsSchema.WAIVER_REASON);
            String reason = reasonValue.requiredString("say why this stack may break the rule");
            if (reason != null && reason.isBlank()) {
                reasonValue.problem("is empty; say why this stack may break the rule");
                reason = null;
            }
            if (rule != null && reason != null) {
                waivers.add(new Waiver(rule, reason));
            }
        }
        return waivers;
    }
}
