package dev.argogke.migrate;

import static dev.argogke.migrate.MigrateTestSupport.assertValidOutput;
import static dev.argogke.migrate.MigrateTestSupport.at;
import static dev.argogke.migrate.MigrateTestSupport.atKey;
import static dev.argogke.migrate.MigrateTestSupport.cronJobs;
import static dev.argogke.migrate.MigrateTestSupport.only;
import static dev.argogke.migrate.MigrateTestSupport.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.UserError;
import dev.argogke.migrate.CronJobImporter.ImportedWorkflow;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronJobImporterTest {
    private static final String POD = "spec.jobTemplate.spec.template.spec.";
    /** The first template, in the WorkflowTemplate that holds the steps. */
    private static final String TEMPLATE = "spec.templates[0]";

    // ---- the full CronJob, field by field ----

    @Test
    void cronJobScheduleSettingsBecomeTheCronWorkflowsOwn() {
        Map<String, Object> cw = only("jira-to-bigquery", plan("valid/nightly-etl.yaml")).cronWorkflow();
        assertEquals("argoproj.io/v1alpha1", at(cw, "apiVersion"));
        assertEquals("CronWorkflow", at(cw, "kind"));
        assertEquals("jira-to-bigquery", at(cw, "metadata.name"));
        assertNull(at(cw, "metadata.namespace"), "the stack's workflows namespace, not the file, decides");
        assertEquals(List.of("30 2 * * *"), at(cw, "spec.schedules"));
        assertNull(at(cw, "spec.schedule"), "Argo v4 has only schedules");
        assertEquals("Europe/Berlin", at(cw, "spec.timezone"));
        assertEquals("Forbid", at(cw, "spec.concurrencyPolicy"));
        assertEquals(600L, at(cw, "spec.startingDeadlineSeconds"));
        assertEquals(false, at(cw, "spec.suspend"));
        assertEquals(5L, at(cw, "spec.successfulJobsHistoryLimit"));
        assertEquals(2L, at(cw, "spec.failedJobsHistoryLimit"));
    }

    @Test
    void labelsAndAnnotationsGoToTheObjectThatReplacesTheirOwner() {
        ImportedWorkflow w = only("jira-to-bigquery", plan("valid/nightly-etl.yaml"));
        Map<String, Object> cw = w.cronWorkflow();
        Map<String, Object> wt = w.template();
        // The CronJob's own: on the CronWorkflow.
        assertEquals(Map.of("app.kubernetes.io/name", "jira-to-bigquery", "team", "data"), at(cw, "metadata.labels"));
        assertEquals("data-team@example.com", atKey(cw, "metadata.annotations", "owner"));
        assertEquals("Imported from CronJob etl/jira-to-bigquery by argo-gke import-cronjobs.",
                atKey(cw, "metadata.annotations", "workflows.argoproj.io/description"));
        // The job template's (on each Job): on each Workflow.
        assertEquals(Map.of("pipeline", "jira"), at(cw, "spec.workflowMetadata.labels"));
        assertEquals(Map.of("runbook", "https://wiki.example.com/etl/jira"), at(cw, "spec.workflowMetadata.annotations"));
        // The WorkflowTemplate is described alike (Argo's UI lists it too), and has no Workflow metadata of its own.
        assertEquals(Map.of("workflows.argoproj.io/description",
                "Imported from CronJob etl/jira-to-bigquery by argo-gke import-cronjobs."), at(wt, "metadata.annotations"));
        assertNull(at(wt, "spec.workflowMetadata"));
        // The pod template's: on each pod, through the template's metadata.
        assertEquals(Map.of("app.kubernetes.io/name", "jira-to-bigquery"), at(wt, TEMPLATE + ".metadata.labels"));
        assertEquals(Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false"),
                at(wt, TEMPLATE + ".metadata.annotations"));
    }

    @Test
    void jobSettingsBecomeWorkflowDeadlineTtlAndARetryStrategyLikeTheJobs() {
        Map<String, Object> wt = only("jira-to-bigquery", plan("valid/nightly-etl.yaml")).template();
        assertEquals("jira-to-bigquery", at(wt, "spec.entrypoint"));
        assertEquals(3600L, at(wt, "spec.activeDeadlineSeconds"));
        assertNull(at(wt, TEMPLATE + ".activeDeadlineSeconds"), "the Job's deadline covers all attempts");
        assertEquals(Map.of("secondsAfterCompletion", 86400L), at(wt, "spec.ttlStrategy"));
        assertEquals("3", at(wt, TEMPLATE + ".retryStrategy.limit"));
        assertEquals("Always", at(wt, TEMPLATE + ".retryStrategy.retryPolicy"));
        assertEquals(Map.of("duration", "10s", "factor", "2", "cap", "6m"), at(wt, TEMPLATE + ".retryStrategy.backoff"));
    }

    @Test
    void podSettingsBecomeTemplateFieldsAndPullSecretsAWorkflowField() {
        Map<String, Object> source = cronJobs("valid/nightly-etl.yaml").get(0).content();
        Map<String, Object> wt = only("jira-to-bigquery", plan("valid/nightly-etl.yaml")).template();
        String pod = "spec.jobTemplate.spec.template.spec";
        for (String field : List.of("serviceAccountName", "nodeSelector", "tolerations", "affinity", "securityContext",
                "volumes")) {
            assertEquals(at(source, pod + "." + field), at(wt, TEMPLATE + "." + field), field);
        }
        assertEquals(List.of(Map.of("name", "registry-credentials")), at(wt, "spec.imagePullSecrets"));
        assertEquals("bigquery-writer-key", at(wt, TEMPLATE + ".volumes[0].secret.secretName"));
        assertEquals("jira-queries", at(wt, TEMPLATE + ".volumes[1].configMap.name"));
        assertEquals("1Gi", at(wt, TEMPLATE + ".volumes[2].emptyDir.sizeLimit"));
        assertNull(at(wt, TEMPLATE + ".restartPolicy"));
    }

    @Test
    void secretsReachTheContainerThroughEnvAndEnvFrom() {
        Map<String, Object> wt = only("jira-to-bigquery", plan("valid/nightly-etl.yaml")).template();
        String c = TEMPLATE + ".container";
        assertEquals("JIRA_TOKEN", at(wt, c + ".env[1].name"));
        assertEquals(Map.of("name", "jira-api", "key", "token"), at(wt, c + ".env[1].valueFrom.secretKeyRef"));
        assertEquals(Map.of("name", "bigquery-settings"), at(wt, c + ".envFrom[0].secretRef"));
        assertEquals(Map.of("name", "etl-defaults"), at(wt, c + ".envFrom[1].configMapRef"));
        assertEquals("no", at(wt, c + ".env[2].value"), "a string that YAML 1.1 would read as false stays a string");
        assertEquals(Map.of("cpu", "500m", "memory", "1Gi"), at(wt, c + ".resources.requests"));
        assertEquals(Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true),
                at(wt, c + ".securityContext"));
    }

    @Test
    void theMainContainerIsTheCronJobsFirstContainerUnchangedForEveryCronJobOfTheCorpus() {
        List<CronJobSource> sources = cronJobs("valid");
        List<ImportedWorkflow> workflows = CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS);
        assertEquals(sources.size(), workflows.size());
        for (int i = 0; i < sources.size(); i++) {
            Object original = at(sources.get(i).content(), POD + "containers[0]");
            Object imported = at(workflows.get(i).template(), TEMPLATE + ".container");
            assertEquals(original, imported, workflows.get(i).name());
            // and through the written text too, whose first document is the template
            Map<String, Object> reread = ManifestLoader.parse(Path.of("x.yaml"), workflows.get(i).yaml()).get(0).content();
            assertEquals(original, at(reread, TEMPLATE + ".container"), workflows.get(i).name());
        }
    }

    @Test
    void everyProducedCronWorkflowReadsBackAsBuiltAndMatchesArgosSchema() {
        List<ImportedWorkflow> all = plan("valid");
        assertEquals(MigrateTestSupport.VALID_CRONJOBS, all.stream().map(ImportedWorkflow::name).collect(Collectors.toSet()));
        assertEquals(MigrateTestSupport.VALID_CRONJOBS.size(), all.size(), "one CronWorkflow per CronJob");
        all.forEach(MigrateTestSupport::assertValidOutput);
    }

    // ---- what the controller runs: workflowRestrictions.templateReferencing: Strict ----

    @Test
    void everyImportedFileIsATemplateWithTheStepsAndACronWorkflowThatOnlyReferencesIt() {
        List<ImportedWorkflow> all = new java.util.ArrayList<>(plan("valid"));
        all.addAll(CronJobImporter.plan(cronJobs("chain/nightly.yaml"),
                Chains.fromFile(MigrateTestSupport.corpus("chain/chains.yaml")), ImportOptions.DEFAULTS));
        Set<String> expected = new java.util.TreeSet<>(MigrateTestSupport.VALID_CRONJOBS);
        expected.add(MigrateTestSupport.CHAIN);
        assertEquals(expected, new java.util.TreeSet<>(all.stream().map(ImportedWorkflow::name).toList()));
        assertEquals(expected.size(), all.size());
        for (ImportedWorkflow w : all) {
            MigrateTestSupport.assertRunsUnderStrictReferencing(w);
            // Read from the text written, not only the values built.
            List<Map<String, Object>> docs = ManifestLoader.parse(Path.of(w.fileName()), w.yaml()).stream()
                    .map(m -> m.content()).toList();
            assertEquals(List.of("WorkflowTemplate", "CronWorkflow"), docs.stream().map(d -> d.get("kind")).toList(),
                    w.fileName());
            assertEquals(Map.of("workflowTemplateRef", Map.of("name", w.name())), at(docs.get(1), "spec.workflowSpec"),
                    w.fileName());
            assertEquals(w.name(), at(docs.get(0), "metadata.name"), w.fileName());
        }
    }

    @Test
    void theFileStartsWithTheFindingsThenTheTemplateThenTheCronWorkflowThatRunsIt() {
        String yaml = only("controller-zone-cleanup", plan("valid/timezones.yaml")).yaml();
        int header = yaml.indexOf("# Review before committing:\n");
        int template = yaml.indexOf("\nkind: WorkflowTemplate\n");
        int separator = yaml.indexOf("\n---\n");
        int note = yaml.indexOf("# The controller runs only workflows that reference a WorkflowTemplate");
        int cron = yaml.indexOf("\nkind: CronWorkflow\n");
        assertTrue(yaml.startsWith("# Imported from CronJob") && 0 < header && header < template
                && template < separator && separator < note && note < cron, yaml);
        assertEquals(1, yaml.split("\n---\n", -1).length - 1, "one separator:\n" + yaml);
    }

    // ---- time zones ----

    @Test
    void anExplicitTimeZoneIsCarriedWithoutAWarning() {
        ImportedWorkflow w = only("new-york-report", plan("valid/timezones.yaml"));
        assertEquals("America/New_York", at(w.cronWorkflow(), "spec.timezone"));
        assertTrue(w.findings().stream().noneMatch(f -> f.field().contains("timeZone")), w.findings().toString());
        assertEquals("Etc/UTC", at(only("utc-export", plan("valid/timezones.yaml")).cronWorkflow(), "spec.timezone"));
        assertEquals(List.of("@daily"), at(only("utc-export", plan("valid/timezones.yaml")).cronWorkflow(),
                "spec.schedules"));
    }

    @Test
    void withoutATimeZoneTheControllersZoneIsWrittenWithAWarningSayingWhich() {
        ImportedWorkflow w = only("controller-zone-cleanup", plan("valid/timezones.yaml"));
        assertEquals("UTC", at(w.cronWorkflow(), "spec.timezone"));
        Finding f = finding(w, "spec.timeZone");
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertTrue(f.message().contains("kube-controller-manager") && f.message().contains("timezone: UTC"), f.message());
        assertTrue(w.yaml().contains("#   warning: CronJob controller-zone-cleanup: spec.timeZone: not set"),
                "the warning heads the file:\n" + w.yaml());
    }

    @Test
    void theDefaultTimeZoneCanBeChosen() {
        List<ImportedWorkflow> all = CronJobImporter.plan(cronJobs("valid/timezones.yaml"), List.of(),
                new ImportOptions("Europe/Berlin", ImportOptions.DEFAULT_NAMESPACE));
        assertEquals("Europe/Berlin", at(only("controller-zone-cleanup", all).cronWorkflow(), "spec.timezone"));
        assertEquals("America/New_York", at(only("new-york-report", all).cronWorkflow(), "spec.timezone"));
        assertThrows(UserError.class, () -> new ImportOptions("Mars/Olympus", ImportOptions.DEFAULT_NAMESPACE));
    }

    /**
     * Kubernetes v1.36.5 validateTimeZone (pkg/apis/batch/validation/validation.go) takes any name Go's
     * time.LoadLocation loads except "Local": EST loads (Go 1.26: -05:00 all year), SystemV/EST5 and
     * "Local" do not pass. Before, java.time decided, the other way round for EST and SystemV/EST5.
     */
    @ParameterizedTest
    @CsvSource({"EST, true", "GMT+0, true", "Local, false", "SystemV/EST5, false"})
    void aCronJobsTimeZoneIsTakenWhereKubernetesTakesIt(String zone, boolean taken) {
        String text = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: zoned}
                spec:
                  schedule: "0 3 * * *"
                  timeZone: %s
                  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: x, image: busybox}]}}}}
                """.formatted(zone);
        List<CronJobSource> sources = CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("jobs.yaml"), text))
                .cronJobs();
        if (taken) {
            assertEquals(zone, at(only("zoned", CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS))
                    .cronWorkflow(), "spec.timezone"));
        } else {
            CronJobImportException e = assertThrows(CronJobImportException.class,
                    () -> CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS));
            assertTrue(e.problems().get(0).contains("error: CronJob zoned: spec.timeZone: \"" + zone
                    + "\" is not a time zone name of the IANA database (e.g. Europe/Berlin, America/New_York, UTC)"),
                    e.problems().toString());
        }
    }

    @Test
    void theDefaultTimeZoneIsAnExplicitZoneAsACronJobsWouldBe() {
        assertEquals("EST", new ImportOptions("EST", ImportOptions.DEFAULT_NAMESPACE).defaultTimezone());
        UserError local = assertThrows(UserError.class, () -> new ImportOptions("Local", ImportOptions.DEFAULT_NAMESPACE));
        assertEquals("--default-timezone: \"Local\" is not a time zone name of the IANA database (e.g. UTC, Europe/Berlin)",
                local.getMessage());
    }

    @Test
    void aCronTzPrefixInTheScheduleMovesToTheTimezoneField() {
        ImportedWorkflow w = only("tokyo-inline-zone", plan("valid/timezones.yaml"));
        assertEquals(List.of("0 9 * * *"), at(w.cronWorkflow(), "spec.schedules"));
        assertEquals("Asia/Tokyo", at(w.cronWorkflow(), "spec.timezone"));
        assertEquals(Finding.Severity.WARNING, finding(w, "spec.schedule").severity());
    }

    // ---- concurrency ----

    @ParameterizedTest
    @CsvSource({"allow-overlap, Allow", "forbid-overlap, Forbid", "replace-running, Replace"})
    void everyConcurrencyPolicyKeepsItsWord(String name, String policy) {
        assertEquals(policy, at(only(name, plan("valid/concurrency.yaml")).cronWorkflow(), "spec.concurrencyPolicy"));
    }

    @Test
    void noConcurrencyPolicyStaysUnsetAsBothDefaultToAllow() {
        Map<?, ?> spec = (Map<?, ?>) at(only("default-policy", plan("valid/concurrency.yaml")).cronWorkflow(), "spec");
        assertFalse(spec.containsKey("concurrencyPolicy"));
    }

    // ---- containers ----

    @Test
    void extraContainersBecomeSidecarsWithAWarningAndInitContainersStayInitContainers() {
        ImportedWorkflow w = only("sql-export-with-proxy", plan("valid/multi-container.yaml"));
        Map<String, Object> source = cronJobs("valid/multi-container.yaml").get(0).content();
        Map<String, Object> wt = w.template();
        assertEquals("export", at(wt, TEMPLATE + ".container.name"));
        assertEquals(List.of(at(source, POD + "containers[1]")), at(wt, TEMPLATE + ".sidecars"));
        assertEquals(at(source, POD + "initContainers"), at(wt, TEMPLATE + ".initContainers"));
        assertEquals("Always", at(wt, TEMPLATE + ".initContainers[1].restartPolicy"), "a native sidecar stays one");
        Finding f = finding(w, POD + "containers[1]");
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertTrue(f.message().contains("log-shipper") && f.message().contains("sidecar"), f.message());
        assertTrue(((String) at(wt, TEMPLATE + ".container.command[2]")).contains("\\copy orders"),
                "the script is kept byte for byte");
    }

    @Test
    void backoffLimitZeroMeansNoRetries() {
        ImportedWorkflow w = only("sql-export-with-proxy", plan("valid/multi-container.yaml"));
        assertNull(at(w.template(), TEMPLATE + ".retryStrategy"));
    }

    // ---- missing optional fields ----

    @Test
    void aMinimalCronJobGetsOnlyWhatItSaysPlusKubernetesDefaultsThatChangeBehaviour() {
        ImportedWorkflow w = only("hello", plan("valid/minimal.yaml"));
        Map<String, Object> cw = w.cronWorkflow();
        Map<String, Object> wt = w.template();
        assertEquals(List.of("schedules", "timezone", "workflowSpec"), List.copyOf(((Map<?, ?>) at(cw, "spec")).keySet()));
        assertEquals(List.of("workflowTemplateRef"), List.copyOf(((Map<?, ?>) at(cw, "spec.workflowSpec")).keySet()));
        assertEquals(List.of("entrypoint", "templates"), List.copyOf(((Map<?, ?>) at(wt, "spec")).keySet()));
        assertEquals(List.of("name", "retryStrategy", "container"), List.copyOf(((Map<?, ?>) at(wt, TEMPLATE)).keySet()));
        assertEquals(List.of("name", "annotations"), List.copyOf(((Map<?, ?>) at(cw, "metadata")).keySet()));
        assertEquals(List.of("name", "annotations"), List.copyOf(((Map<?, ?>) at(wt, "metadata")).keySet()));
        // A Job without backoffLimit retried 6 times; so does the step, and the user is told.
        assertEquals("6", at(wt, TEMPLATE + ".retryStrategy.limit"));
        assertEquals(Finding.Severity.NOTE, finding(w, "spec.jobTemplate.spec.backoffLimit").severity());
        assertEquals(Finding.Severity.NOTE, finding(w, POD + "restartPolicy").severity());
    }

    /**
     * Argo v4.0.7 workflow/controller/workflowpod.go reads a container's entrypoint from its registry when
     * it has no command; the import says so for each such container, and not for one with a command.
     */
    @Test
    void aContainerWithoutACommandIsReportedBecauseTheControllerWouldAskItsRegistry() {
        ImportedWorkflow w = only("indexed-backfill", plan("valid/unsupported.yaml"));
        Finding f = finding(w, POD + "containers[0].command");
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertTrue(f.toString().contains("workflow-commands-explicit"), f.toString());
        for (ImportedWorkflow each : plan("valid/nightly-etl.yaml")) {
            boolean hasCommand = at(each.template(), TEMPLATE + ".container.command") != null;
            boolean warned = each.findings().stream().anyMatch(x -> x.field().endsWith(".command"));
            assertEquals(!hasCommand, warned, each.name());
        }
    }

    // ---- what cannot be carried over ----

    @Test
    void fieldsThatCannotBeCarriedOverAreReportedByNameAndLeftOut() {
        ImportedWorkflow w = only("indexed-backfill", plan("valid/unsupported.yaml"));
        Set<String> warned = w.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING)
                .map(Finding::field).filter(f -> !f.endsWith(".command") && !f.equals("metadata.namespace"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("metadata.ownerReferences", "spec.jobTemplate.spec.podFailurePolicy",
                "spec.jobTemplate.spec.completions", "spec.jobTemplate.spec.parallelism",
                "spec.jobTemplate.spec.completionMode", POD + "terminationGracePeriodSeconds", POD + "hostPID",
                POD + "topologySpreadConstraints"), warned);
        String yaml = w.yaml().lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
        for (String gone : List.of("ownerReferences", "podFailurePolicy", "completions", "parallelism", "Indexed",
                "terminationGracePeriodSeconds", "hostPID", "topologySpreadConstraints", "last-applied", "uid:",
                "resourceVersion", "lastScheduleTime")) {
            assertFalse(yaml.contains(gone), gone + " left in:\n" + yaml);
        }
    }

    @Test
    void serverSetFieldsAndKubectlBookkeepingAreNotedNotWarned() {
        ImportedWorkflow w = only("indexed-backfill", plan("valid/unsupported.yaml"));
        Finding server = finding(w, "");
        assertEquals(Finding.Severity.NOTE, server.severity());
        // unsupported.yaml sets these five, in this order; the API server would set them anew.
        assertTrue(server.message().endsWith(": status, metadata.uid, metadata.resourceVersion, metadata.generation, "
                + "metadata.creationTimestamp"), server.message());
        assertEquals(Finding.Severity.NOTE,
                finding(w, "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration").severity());
    }

    @Test
    void valuesEqualToKubernetesDefaultsAreNotReportedAsLost() {
        ImportedWorkflow w = only("indexed-backfill", plan("valid/unsupported.yaml"));
        assertTrue(w.findings().stream().noneMatch(f -> f.field().endsWith("dnsPolicy")
                || f.field().endsWith("schedulerName")), w.findings().toString());
        assertNull(at(w.template(), "spec.dnsPolicy"));
        assertNull(at(w.cronWorkflow(), "spec.workflowSpec.dnsPolicy"));
        assertNull(at(w.template(), TEMPLATE + ".schedulerName"));
    }

    // ---- names ----

    @Test
    void aNameLongerThanArgosLimitIsShortenedWithAWarning() {
        ImportedWorkflow w = plan("valid/long-name.yaml").get(0);
        assertEquals("export-customer-orders-from-postgres-to-big-a88544c5", w.name());
        assertEquals(w.name(), at(w.cronWorkflow(), "metadata.name"));
        assertEquals(w.name(), at(w.template(), "metadata.name"), "one name for both, within the CronWorkflow's limit");
        assertEquals(w.name(), at(w.cronWorkflow(), "spec.workflowSpec.workflowTemplateRef.name"));
        assertEquals(w.name() + ".yaml", w.fileName());
        Finding f = finding(w, "metadata.name");
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertTrue(f.message().contains("52"), f.message());
        assertEquals("export-customer-orders-from-postgres-to-bigquery-and-firebase",
                at(w.template(), TEMPLATE + ".name"), "template names may be longer");
    }

    // ---- malformed input ----

    @Test
    void aCronJobWithoutScheduleIsOneProblemWithFileAndLine() {
        CronJobImportException e = assertThrows(CronJobImportException.class, () -> plan("invalid/missing-schedule.yaml"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).matches(".*invalid/missing-schedule\\.yaml:5:1: error: CronJob no-schedule:"
                + " spec\\.schedule: is missing.*"), e.problems().get(0));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void everyProblemInEveryCronJobIsReportedAtOnceWithItsPosition() {
        String text = """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: Bad_Name
                  labels:
                    tier: 3
                spec:
                  schedule: "0 3 * * *"
                  timeZone: Europe/Atlantis
                  concurrencyPolicy: Sometimes
                  jobTemplate:
                    spec:
                      backoffLimit: many
                      template:
                        spec:
                          containers:
                            - name: x
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: ok-but-empty
                spec:
                  schedule: "0 4 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: []
                """;
        List<CronJobSource> sources = CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("jobs.yaml"), text))
                .cronJobs();
        CronJobImportException e = assertThrows(CronJobImportException.class,
                () -> CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS));
        List<String> p = e.problems();
        assertEquals(7, p.size(), String.join("\n", p));
        assertTrue(p.get(0).startsWith("jobs.yaml:4:3: error: CronJob Bad_Name: metadata.name:"), p.get(0));
        // Each at the line and column of the text above, naming the field by its whole path.
        String bad = "error: CronJob Bad_Name: ";
        assertTrue(p.stream().anyMatch(s -> s.startsWith("jobs.yaml:6:5: " + bad + "metadata.labels.tier: ")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("jobs.yaml:9:3: " + bad + "spec.timeZone: \"Europe/Atlantis\" ")), p.toString());
        // Kubernetes' CronJobSpec: concurrencyPolicy is one of Allow, Forbid, Replace.
        assertTrue(p.contains("jobs.yaml:10:3: " + bad + "spec.concurrencyPolicy: \"Sometimes\" is not one of Allow, Forbid, Replace"),
                p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("jobs.yaml:13:7: " + bad + "spec.jobTemplate.spec.backoffLimit: ")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("jobs.yaml:17:15: " + bad
                + "spec.jobTemplate.spec.template.spec.containers[0].image: ")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("jobs.yaml:29:11: error: CronJob ok-but-empty: "
                + "spec.jobTemplate.spec.template.spec.containers: is empty")), p.toString());
    }

    @Test
    void twoCronJobsWithOneNameAreRefusedAsTheirFilesWouldClash() {
        String a = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: dup, namespace: a}\nspec:\n"
                + "  schedule: '0 1 * * *'\n  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}\n";
        String b = a.replace("namespace: a", "namespace: b");
        List<CronJobSource> sources = new java.util.ArrayList<>();
        sources.addAll(CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("a.yaml"), a)).cronJobs());
        sources.addAll(CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("b.yaml"), b)).cronJobs());
        CronJobImportException e = assertThrows(CronJobImportException.class,
                () -> CronJobImporter.plan(sources, List.of(), ImportOptions.DEFAULTS));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("b.yaml:3:12: error: CronJob b/dup:")
                && e.problems().get(0).contains("a.yaml:3:12"), e.problems().get(0));
    }

    // ---- writing ----

    @Test
    void writeCreatesOneFilePerCronWorkflowNamedAfterIt(@TempDir Path dir) throws Exception {
        List<ImportedWorkflow> all = plan("valid/concurrency.yaml");
        Path out = dir.resolve("workflows");
        List<Path> files = CronJobImporter.write(all, out, false);
        assertEquals(List.of(out.resolve("allow-overlap.yaml"), out.resolve("forbid-overlap.yaml"),
                out.resolve("replace-running.yaml"), out.resolve("default-policy.yaml")), files);
        for (ImportedWorkflow w : all) {
            assertEquals(w.yaml(), Files.readString(out.resolve(w.fileName())));
        }
        try (var listing = Files.list(out)) {
            assertEquals(4, listing.count(), "no temporary files left");
        }
    }

    @Test
    void anExistingFileStopsTheWholeWriteUnlessForced(@TempDir Path dir) throws Exception {
        List<ImportedWorkflow> all = plan("valid/concurrency.yaml");
        Files.writeString(dir.resolve("forbid-overlap.yaml"), "mine\n");
        UserError e = assertThrows(UserError.class, () -> CronJobImporter.write(all, dir, false));
        assertTrue(e.getMessage().contains("forbid-overlap.yaml already exists") && e.getMessage().contains("--force"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("allow-overlap.yaml")), "nothing written");
        assertEquals("mine\n", Files.readString(dir.resolve("forbid-overlap.yaml")));

        CronJobImporter.write(all, dir, true);
        assertEquals(only("forbid-overlap", all).yaml(), Files.readString(dir.resolve("forbid-overlap.yaml")));
        assertTrue(Files.exists(dir.resolve("allow-overlap.yaml")));
    }

    private static Finding finding(ImportedWorkflow w, String field) {
        return w.findings().stream().filter(f -> f.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding on " + field + " in " + w.findings()));
    }
}
