package dev.argogke.policy;

import dev.argogke.UserError;
import dev.argogke.config.Settings;
import dev.argogke.names.DidYouMean;
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
            new DataAccessLogsOn(),
            new DeletionProtection(),
            new ControlPlaneRestricted(),
            new IapMembersNamed(),
            new EnvironmentMatchesProject(),
            new ArgoVersionCurrent(),
            new TrustedImages(),
            new WorkflowPodsConfined(),
            new WorkflowsReferenceTemplates(),
            new WorkflowCommandsExplicit(),
            new EventSourcesUseWorkloadIdentity(),
            new SensorsNamespaced());

    /**
     * Rules a prod stack may not waive: they guard the public endpoint and who may use it, and the
     * identities the jobs run as. Breaking one of them in prod is a design change, not an exception.
     */
    static final Set<String> NOT_WAIVABLE_IN_PROD = Set.of(
            "iap-required", "https-only", "workload-identity", "no-service-account-keys", IapMembersNamed.NAME);
    /** A reason someone can act on in review: a sentence, not "." or "ok". */
    static final int MIN_REASON_CHARS = 20;
    static final int MIN_REASON_WORDS = 3;

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
     * A waiver of a rule the stack passes anyway fails that rule, naming the waiver.
     *
     * @throws UserError when a waiver names no rule, names one twice, gives no real reason, or
     *                   waives in prod a rule that may not be waived there
     */
    public static PolicyReport evaluate(PolicyInput input) {
        List<Settings.Waiver> waivers = input.settings().waivers();
        checkWaivers(input.settings(), input.origin());
        List<PolicyReport.Outcome> outcomes = new ArrayList<>();
        for (Rule rule : ALL) {
            Optional<String> notApplicable = rule.notApplicable(input);
            List<Violation> violations = notApplicable.isPresent() ? List.of() : rule.check(input);
            Optional<Settings.Waiver> waiver = waivers.stream().filter(w -> w.rule().equals(rule.name())).findFirst();
            if (waiver.isPresent() && violations.isEmpty()) {
                // A waiver the stack does not need would silently let the next real violation through.
                String key = input.origin() + ": argo-gke:waivers[" + waivers.indexOf(waiver.get()) + "]";
                String why = notApplicable.map(r -> ", which does not apply to this stack (" + r + ")")
                        .orElse(", which the stack passes without it");
                Violation unneeded = new Violation(rule.name(), key, "waives " + rule.name()
                        + why + "; remove the waiver so a future violation is not hidden");
                outcomes.add(new PolicyReport.Outcome(rule.name(), rule.description(), PolicyReport.Status.FAIL, List.of(unneeded), Optional.empty()));
                continue;
            }
            if (notApplicable.isPresent()) {
                outcomes.add(PolicyReport.Outcome.notApplicable(rule, notApplicable.get()));
                continue;
            }
            PolicyReport.Status status = waiver.isPresent() ? PolicyReport.Status.WAIVED
                    : violations.isEmpty() ? PolicyReport.Status.PASS : PolicyReport.Status.FAIL;
            outcomes.add(new PolicyReport.Outcome(rule.name(), rule.description(), status, violations, waiver.map(Settings.Waiver::reason),
                    rule.notChecked(input)));
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
                        + DidYouMean.closest(w.rule(), names).map(s -> " (did you mean " + s + "?)").orElse("")
                        + "; rules: " + String.join(", ", names));
            }
            if (w.reason() == null || w.reason().isBlank()) {
                throw new UserError(origin + ": " + key + ".reason: is empty; say why this stack may break " + w.rule());
            }
            checkReason(w, key, origin);
            if (settings.environment() == Settings.Environment.PROD && NOT_WAIVABLE_IN_PROD.contains(w.rule())) {
                throw new UserError(origin + ": " + key + ".rule: " + w.rule() + " cannot be waived in prod (it guards the public endpoint "
                        + "or the jobs' identity); fix the stack instead. Not waivable in prod: " + String.join(", ", NOT_WAIVABLE_IN_PROD.stream().sorted().toList()));
            }
            if (!seen.add(w.rule())) {
                throw new UserError(origin + ": " + key + ".rule: " + w.rule() + " is waived twice; keep one waiver with one reason");
            }
        }
    }

    /** A reason of at least {@value #MIN_REASON_CHARS} characters and {@value #MIN_REASON_WORDS} words. */
    private static void checkReason(Settings.Waiver w, String key, String origin) {
        String reason = w.reason().strip();
        int words = reason.split("\\s+").length;
        if (reason.length() < MIN_REASON_CHARS || words < MIN_REASON_WORDS) {
            throw new UserError(origin + ": " + key + ".reason: '" + reason + "' is not a reason; say in a sentence (at least "
                    + MIN_REASON_CHARS + " characters, " + MIN_REASON_WORDS + " words) why this stack may break " + w.rule());
        }
    }
}
