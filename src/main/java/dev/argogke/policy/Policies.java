package dev.argogke.policy;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.config.Suggest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The security rules every stack is checked against, by {@code argo-gke check}, by {@code plan},
 * and by the Pulumi program before it registers anything.
 */
public final class Policies {
    private static final List<Rule> ALL = List.of(
            new IapRequired(),
            new HttpsOnly(),
            new WorkloadIdentity(),
            new NodeServiceAccount(),
            new NoServiceAccountKeys(),
            new LegacyAuthOff(),
            new ShieldedNodes(),
            new PrivateNodes(),
            new LeastPrivilege(),
            new PrivateArtifactBucket(),
            new SecretsEncrypted(),
            new DeletionProtection());

    private Policies() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> rule(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Checks the plan against every rule, honouring the stack's waivers.
     *
     * @throws UserError when a waiver names no rule, names one twice, or gives no reason
     */
    public static PolicyReport evaluate(PolicyInput input) {
        List<Settings.Waiver> waivers = input.settings().waivers();
        checkWaivers(input.settings(), input.origin());
        List<PolicyReport.Outcome> outcomes = new ArrayList<>();
        for (Rule rule : ALL) {
            List<Violation> violations = rule.check(input);
            Optional<Settings.Waiver> waiver = waivers.stream().filter(w -> w.rule().equals(rule.name())).findFirst();
            PolicyReport.Status status = waiver.isPresent() ? PolicyReport.Status.WAIVED
                    : violations.isEmpty() ? PolicyReport.Status.PASS : PolicyReport.Status.FAIL;
            outcomes.add(new PolicyReport.Outcome(rule.name(), rule.description(), status, violations, waiver.map(Settings.Waiver::reason)));
        }
        return new PolicyReport(input.settings().stack(), outcomes);
    }

    /**
     * Checks that every waiver names a rule, once, with a reason; callers run it before planning,
     * so a wrong waiver stops everything before the program runs.
     *
     * @param origin where the settings came from, as the error names it
     * @throws UserError naming {@code argo-gke:waivers[i]}
     */
    public static void checkWaivers(Settings settings, String origin) {
        List<Settings.Waiver> waivers = settings.waivers();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < waivers.size(); i++) {
            Settings.Waiver w = waivers.get(i);
            String key = "argo-gke:waivers[" + i + "]";
            if (rule(w.rule()).isEmpty()) {
                List<String> names = ALL.stream().map(Rule::name).toList();
                throw new UserError(origin + ": " + key + ".rule: '" + w.rule() + "' is not a policy rule"
                        + Suggest.closest(w.rule(), names).map(s -> " (did you mean " + s + "?)").orElse("")
                        + "; rules: " + String.join(", ", names));
            }
            if (w.reason() == null || w.reason().isBlank()) {
                throw new UserError(origin + ": " + key + ".reason: is empty; say why this stack may break " + w.rule());
            }
            if (!seen.add(w.rule())) {
                throw new UserError(origin + ": " + key + ".rule: " + w.rule() + " is waived twice; keep one waiver with one reason");
            }
        }
    }
}
