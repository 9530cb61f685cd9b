package dev.argogke.policy;

import dev.argogke.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A prod stack does not deploy into a project named for another environment, nor a dev stack into
 * a project named prod: the mix-up that points a dev experiment at production data, or runs prod's
 * schedules against a sandbox. It reads the project id's dash-separated words only (so
 * {@code acme-devops-prod} is prod, not dev); an organization whose names say nothing passes, one
 * whose names mislead waives the rule with a reason.
 */
final class EnvironmentMatchesProject implements Rule {
    static final Set<String> NOT_PROD_WORDS = Set.of("dev", "develop", "development", "test", "testing", "qa", "stg",
            "staging", "sandbox", "sbx", "demo", "preview", "tmp", "playground");
    static final Set<String> PROD_WORDS = Set.of("prod", "prd", "production", "live");

    @Override
    public String name() {
        return "environment-matches-project";
    }

    @Override
    public String description() {
        return "a prod stack's gcp:project is not named for dev, test or staging, and a dev stack's is not named prod";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.outsideGoogleCloud(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        Settings s = input.settings();
        List<Violation> out = new ArrayList<>();
        s.gcp().ifPresent(gcp -> {
            List<String> words = List.of(gcp.project().toLowerCase(Locale.ROOT).split("-"));
            boolean prod = s.environment() == Settings.Environment.PROD;
            Set<String> wrong = prod ? NOT_PROD_WORDS : PROD_WORDS;
            words.stream().filter(wrong::contains).findFirst().ifPresent(word -> out.add(violation(
                    input.origin() + ": gcp:project",
                    "'" + gcp.project() + "' reads like a " + (prod ? "non-production" : "production") + " project ('" + word
                            + "') but argo-gke:environment is " + (prod ? "prod" : "dev") + "; point the stack at its own project,"
                            + " or waive " + name() + " with a reason if the name misleads")));
        });
        return out;
    }
}
