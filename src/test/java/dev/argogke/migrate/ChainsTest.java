package dev.argogke.migrate;

import static dev.argogke.migrate.MigrateTestSupport.at;
import static dev.argogke.migrate.MigrateTestSupport.atKey;
import static dev.argogke.migrate.MigrateTestSupport.corpus;
import static dev.argogke.migrate.MigrateTestSupport.cronJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.migrate.CronJobImporter.ImportedWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainsTest {

    private static ImportedWorkflow nightly() {
        List<ImportedWorkflow> all = CronJobImporter.plan(cronJobs("chain/nightly.yaml"),
                Chains.fromFile(corpus("chain/chains.yaml")), ImportOptions.DEFAULTS);
        assertEquals(1, all.size(), "three chained CronJobs make one CronWorkflow");
        return all.get(0);
    }

    @Test
    void chainedCronJobsRunOneAfterAnotherInADagAtTheFirstJobsSchedule() {
        ImportedWorkflow w = nightly();
        Map<String, Object> cw = w.cronWorkflow();
        Map<String, Object> wt = w.template();
        assertEquals("nightly-etl", w.name());
        assertEquals("nightly-etl", at(cw, "metadata.name"));
        assertNull(at(cw, "metadata.namespace"), "the stack's workflows namespace, not the file, decides");
        assertEquals(List.of("0 1 * * *"), at(cw, "spec.schedules"));
        assertEquals("Europe/Berlin", at(cw, "spec.timezone"));
        assertEquals("Forbid", at(cw, "spec.concurrencyPolicy"));
        assertEquals(Map.of("workflowTemplateRef", Map.of("name", "nightly-etl")), at(cw, "spec.workflowSpec"));
        assertEquals("nightly-etl", at(wt, "metadata.name"));
        assertNull(at(wt, "metadata.namespace"));
        assertEquals("chain", at(wt, "spec.entrypoint"));
        assertEquals(List.of(
                Map.of("name", "extract-jira", "template", "extract-jira"),
                Map.of("name", "load-bigquery", "template", "load-bigquery", "dependencies", List.of("extract-jira")),
                Map.of("name", "job-2-daily-report", "template", "job-2-daily-report",
                        "dependencies", List.of("load-bigquery"))),
                at(wt, "spec.templates[0].dag.tasks"));
        assertEquals("ghcr.io/acme/extract-jira:1.0", at(wt, "spec.templates[1].container.image"));
        assertEquals("ghcr.io/acme/load-bigquery:2.3", at(wt, "spec.templates[2].container.image"));
        assertEquals("ghcr.io/acme/report:4.0", at(wt, "spec.templates[3].container.image"));
        assertTrue(((String) atKey(cw, "metadata.annotations", "workflows.argoproj.io/description"))
                .contains("extract-jira, load-bigquery, 2-daily-report"));
        assertEquals(atKey(cw, "metadata.annotations", "workflows.argoproj.io/description"),
                atKey(wt, "metadata.annotations", "workflows.argoproj.io/description"));
        MigrateTestSupport.assertValidOutput(w);
    }

    @Test
    void eachStepKeepsItsOwnRetriesAndDeadline() {
        ImportedWorkflow w = nightly();
        Map<String, Object> wt = w.template();
        assertEquals("2", at(wt, "spec.templates[1].retryStrategy.limit"));
        assertEquals("1", at(wt, "spec.templates[2].retryStrategy.limit"));
        assertEquals("6", at(wt, "spec.templates[3].retryStrategy.limit"));
        assertEquals("1800", at(wt, "spec.templates[1].activeDeadlineSeconds"));
        assertNull(at(wt, "spec.activeDeadlineSeconds"), "one job's deadline must not cut the whole chain");
        assertNull(at(w.cronWorkflow(), "spec.workflowSpec.activeDeadlineSeconds"), "nor the CronWorkflow's");
        assertEquals(Map.of("secondsAfterCompletion", 86400L), at(wt, "spec.ttlStrategy"));
        assertEquals(List.of(Map.of("name", "registry-credentials"), Map.of("name", "gcr-reader")),
                at(wt, "spec.imagePullSecrets"), "pull secrets of all jobs, once each");
    }

    @Test
    void whatTheChainDropsFromTheLaterJobsIsReportedPerJob() {
        ImportedWorkflow w = nightly();
        assertTrue(has(w, "etl/load-bigquery", "spec.schedule", "\"0 2 * * *\" dropped"), w.findings().toString());
        assertTrue(has(w, "etl/2-daily-report", "spec.schedule", "\"30 3 * * *\" dropped"), w.findings().toString());
        assertTrue(has(w, "etl/load-bigquery", "metadata.labels.team", "\"analytics\" dropped"), w.findings().toString());
        assertTrue(has(w, "etl/extract-jira", "spec.jobTemplate.spec.activeDeadlineSeconds", "each attempt"),
                w.findings().toString());
        assertTrue(has(w, "etl/load-bigquery", "spec.concurrencyPolicy", "Forbid"), w.findings().toString());
        assertEquals("data", at(w.cronWorkflow(), "metadata.labels.team"), "the first job's label stays");
    }

    @Test
    void aChainFromTheOptionIsNamedAfterItsFirstJobOrAsGiven() {
        List<CronJobSource> sources = cronJobs("chain/nightly.yaml");
        List<ImportedWorkflow> byFirst = CronJobImporter.plan(sources,
                List.of(Chains.fromOption("extract-jira,load-bigquery", Optional.empty())), ImportOptions.DEFAULTS);
        assertEquals(List.of("extract-jira", "2-daily-report"), byFirst.stream().map(ImportedWorkflow::name).toList(),
                "an unchained job stays a CronWorkflow of its own");
        assertEquals("extract-jira", at(byFirst.get(0).template(), "spec.templates[1].name"));
        assertEquals("extract-jira", at(byFirst.get(0).cronWorkflow(), "spec.workflowSpec.workflowTemplateRef.name"));

        List<ImportedWorkflow> named = CronJobImporter.plan(sources,
                List.of(Chains.fromOption("extract-jira, load-bigquery, 2-daily-report", Optional.of("etl-daily"))),
                ImportOptions.DEFAULTS);
        assertEquals(List.of("etl-daily"), named.stream().map(ImportedWorkflow::name).toList());
    }

    @Test
    void aChainNamingAMissingCronJobIsAProblemListingTheOnesFound() {
        CronJobImportException e = assertThrows(CronJobImportException.class, () -> CronJobImporter.plan(
                cronJobs("chain/nightly.yaml"), List.of(Chains.fromOption("extract-jira,load-bq", Optional.empty())),
                ImportOptions.DEFAULTS));
        assertEquals(List.of("--chain extract-jira,load-bq: error: chain extract-jira: no CronJob named load-bq among"
                + " the inputs (found: extract-jira, load-bigquery, 2-daily-report)"), e.problems());
    }

    @Test
    void aCronJobInTwoChainsIsAProblem() {
        CronJobImportException e = assertThrows(CronJobImportException.class, () -> CronJobImporter.plan(
                cronJobs("chain/nightly.yaml"), List.of(
                        Chains.fromOption("extract-jira,load-bigquery", Optional.empty()),
                        Chains.fromOption("load-bigquery,2-daily-report", Optional.empty())),
                ImportOptions.DEFAULTS));
        assertTrue(e.problems().get(0).contains("load-bigquery is already in chain extract-jira"), e.getMessage());
    }

    @Test
    void aChainAcrossNamespacesIsAProblem() {
        List<CronJobSource> sources = new java.util.ArrayList<>(cronJobs("chain/nightly.yaml"));
        sources.addAll(cronJobs("valid/list.yaml")); // namespace apps
        CronJobImportException e = assertThrows(CronJobImportException.class, () -> CronJobImporter.plan(sources,
                List.of(Chains.fromOption("extract-jira,firebase-sync", Optional.empty())), ImportOptions.DEFAULTS));
        assertTrue(e.problems().get(0).contains("different namespaces (etl, apps)"), e.getMessage());
    }

    @Test
    void theChainOptionNeedsAtLeastTwoNonEmptyNames() {
        assertThrows(UserError.class, () -> Chains.fromOption("extract-jira", Optional.empty()));
        UserError e = assertThrows(UserError.class, () -> Chains.fromOption("a,,b", Optional.empty()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aChainFileEntryOfTheWrongShapeIsNamedByItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chains.yaml");
        Files.writeString(file, "nightly: [extract, load]\nweekly: report\n");
        UserError e = assertThrows(UserError.class, () -> Chains.fromFile(file));
        assertEquals(file + ":2:1: error: chain weekly must list at least two CronJob names, e.g. weekly: [extract, load]",
                e.getMessage());
    }

    private static boolean has(ImportedWorkflow w, String cronJob, String field, String text) {
        return w.findings().stream().anyMatch(f -> f.cronJob().equals(cronJob) && f.field().equals(field)
                && f.severity() == Finding.Severity.WARNING && f.message().contains(text));
    }
}
