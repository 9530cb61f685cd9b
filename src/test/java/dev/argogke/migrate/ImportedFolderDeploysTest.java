package dev.argogke.migrate;

import dev.argogke.testing.TestSettings;
import static dev.argogke.migrate.MigrateTestSupport.corpus;
import static dev.argogke.migrate.MigrateTestSupport.cronJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.policy.Policies;
import dev.argogke.policy.PolicyInput;
import dev.argogke.policy.Rule;
import dev.argogke.policy.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of imported files, used as the stack's {@code workflows/}: the real program plans it
 * (offline, under Pulumi's mock engine), and the project's own rule for Argo's Strict template
 * referencing ({@code workflows-reference-templates}, which argo-gke check, plan and the program
 * apply before a deploy) finds nothing.
 */
class ImportedFolderDeploysTest {
    private static final String RULE = "workflows-reference-templates";
    private static final String CONFINED = "workflow-pods-confined";

    @Test
    void everyImportedFileIsDeployedAndPassesTheStrictTemplateReferencingRule(@TempDir Path dir) {
        List<CronJobImporter.ImportedWorkflow> all = new ArrayList<>(MigrateTestSupport.plan("valid"));
        all.addAll(CronJobImporter.plan(cronJobs("chain/nightly.yaml"), Chains.fromFile(corpus("chain/chains.yaml")),
                ImportOptions.DEFAULTS));
        Path workflows = dir.resolve("workflows");
        CronJobImporter.write(all, workflows, false);

        StackFile dev = StackFile.forStack(Path.of("stacks"), "dev");
        PlanFile plan = OfflinePlan.run(Path.of("."), TestSettings.forOtherWorkflows(SettingsLoader.load("dev", dev)), dev.values(), dev.secretKeys(),
                Optional.of(workflows));
        // Not vacuous: each file gave the deployment both of its objects, one pair per CronJob of the
        // corpus' valid/ folder and one for the chain.
        Set<Object> expected = new TreeSet<>(MigrateTestSupport.VALID_CRONJOBS);
        expected.add(MigrateTestSupport.CHAIN);
        assertEquals(expected, names(plan, "CronWorkflow"), "CronWorkflows planned");
        assertEquals(expected, names(plan, "WorkflowTemplate"), "WorkflowTemplates planned");

        Rule rule = Policies.rule(RULE).orElseThrow(() -> new AssertionError("no rule " + RULE));
        PolicyInput input = new PolicyInput(SettingsLoader.load(dev.stack(), dev), plan, Optional.of(dev));
        List<String> violations = rule.check(input).stream().map(Violation::line).toList();
        assertEquals(List.of(), violations);

        // The service accounts the import keeps (it warns that this rule refuses them) are refused: read
        // off the corpus, only valid/nightly-etl.yaml (etl-runner) and valid/mixed.yaml (reporter) name one.
        Rule confined = Policies.rule(CONFINED).orElseThrow(() -> new AssertionError("no rule " + CONFINED));
        List<String> refused = confined.check(input).stream().map(Violation::line).sorted().toList();
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains("jira-to-bigquery.yaml (WorkflowTemplate jira-to-bigquery):"
                + " spec.templates[0].serviceAccountName: 'etl-runner' is not the workflows' service account"), refused.get(0));
        assertTrue(refused.get(1).contains("monthly-invoices.yaml (WorkflowTemplate monthly-invoices):"
                + " spec.templates[0].serviceAccountName: 'reporter' is not the workflows' service account"), refused.get(1));
    }

    private static Set<Object> names(PlanFile plan, String kind) {
        List<Object> names = plan.resources().stream().filter(r -> r.type().equals("kubernetes:argoproj.io/v1alpha1:" + kind))
                .map(r -> r.input("metadata.name")).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), "no name twice: " + names);
        return new TreeSet<>(names);
    }
}
