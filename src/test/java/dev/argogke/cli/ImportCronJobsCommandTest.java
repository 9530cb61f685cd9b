package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.ProjectRoot;
import dev.argogke.migrate.MigrateTestSupport;
import dev.argogke.testing.Cli;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class ImportCronJobsCommandTest {
    static KubernetesClient client;

    @TempDir
    Path dir;
    /** What the commands of a test print, run after run (a test clears them where it needs to). */
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return cli(Stream.concat(Stream.of("import-cronjobs"), Stream.of(args)).toArray(String[]::new));
    }

    private int cli(String... args) {
        return Cli.run(new Main(ProjectRoot.of(null), Clock.systemUTC()), out, err, args);
    }

    private String stdout() {
        return out.toString();
    }

    private String stderr() {
        return err.toString();
    }

    private Set<String> filesIn(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void writesOneCronWorkflowFilePerCronJobNamedAfterIt() throws Exception {
        Path outDir = dir.resolve("workflows");
        int code = run(MigrateTestSupport.corpus("valid/concurrency.yaml").toString(),
                MigrateTestSupport.corpus("valid/list.yaml").toString(), "--out", outDir.toString());
        assertEquals(0, code, stderr());
        assertEquals(Set.of("allow-overlap.yaml", "forbid-overlap.yaml", "replace-running.yaml", "default-policy.yaml",
                "firebase-sync.yaml", "weekly-digest.yaml"), filesIn(outDir));
        assertTrue(stdout().contains("wrote " + outDir.resolve("firebase-sync.yaml") + " from CronJob apps/firebase-sync"),
                stdout());
        assertTrue(stderr().contains("note: skipped ConfigMap/firebase-settings: not a CronJob"), stderr());
        assertTrue(stderr().contains("6 CronWorkflows written to " + outDir + " from 6 CronJobs"), stderr());
        assertTrue(Files.readString(outDir.resolve("weekly-digest.yaml")).contains("\n  suspend: true\n"));
        MigrateTestSupport.assertLintsClean(outDir);
    }

    @Test
    void everyFileWrittenFromTheWholeCorpusLintsClean() throws Exception {
        Path outDir = dir.resolve("workflows");
        assertEquals(0, run(MigrateTestSupport.corpus("valid").toString(), "--out", outDir.toString()), stderr());
        assertEquals(0, run(MigrateTestSupport.corpus("chain/nightly.yaml").toString(), "--out", outDir.toString(),
                "--chain-file", MigrateTestSupport.corpus("chain/chains.yaml").toString()), stderr());
        MigrateTestSupport.assertLintsClean(outDir);

        // and through the command a user runs: 16 CronJobs of valid/ and one chain, two documents each
        assertEquals(17, filesIn(outDir).size(), filesIn(outDir).toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli("lint", outDir.toString()), stdout());
        assertEquals("lint: 34 documents, 0 errors", stdout().strip());
    }

    @Test
    void dryRunPrintsTheCronWorkflowsAndWritesNothing() throws Exception {
        Path outDir = dir.resolve("workflows");
        int code = run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--dry-run", "--out", outDir.toString());
        assertEquals(0, code, stderr());
        assertTrue(stdout().contains("kind: WorkflowTemplate\nmetadata:\n  name: hello\n"), stdout());
        assertTrue(stdout().contains("kind: CronWorkflow\nmetadata:\n  name: hello\n"), stdout());
        assertTrue(stderr().startsWith("hello.yaml:\n  warning: spec.timeZone: not set"), stderr());
        assertFalse(Files.exists(outDir));
    }

    @Test
    void aMalformedInputIsOneLineWithFileAndLineExitTwoAndNoFileWrittenEvenForTheGoodOnes() throws Exception {
        for (String bad : List.of("invalid/missing-schedule.yaml", "invalid/broken-yaml.yaml")) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            Path outDir = dir.resolve("out-" + bad.replace('/', '-'));
            int code = run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(),
                    MigrateTestSupport.corpus(bad).toString(), "--out", outDir.toString());
            assertEquals(2, code, bad);
            List<String> lines = stderr().lines().toList();
            assertEquals(1, lines.size(), stderr());
            assertTrue(lines.get(0).matches("\\S*" + bad.replace(".", "\\.") + ":\\d+:\\d+: error: .*"), lines.get(0));
            assertEquals(Set.of(), filesIn(outDir), bad);
        }
        assertTrue(stderr().contains("broken-yaml.yaml:14:1: error: invalid YAML"), stderr());
    }

    @Test
    void anExistingFileIsKeptAndNothingWrittenWithoutForce() throws Exception {
        Files.writeString(dir.resolve("hello.yaml"), "# hand-edited\n");
        assertEquals(2, run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--out", dir.toString()));
        assertTrue(stderr().contains("hello.yaml already exists; nothing written (use --force to overwrite)"), stderr());
        assertEquals("# hand-edited\n", Files.readString(dir.resolve("hello.yaml")));
        assertEquals(0, run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--out", dir.toString(), "--force"));
        assertTrue(Files.readString(dir.resolve("hello.yaml")).contains("kind: CronWorkflow"));
    }

    @Test
    void aChainWithANameBecomesOneFile() throws Exception {
        int code = run(MigrateTestSupport.corpus("chain/nightly.yaml").toString(), "--out", dir.toString(),
                "--chain", "extract-jira,load-bigquery,2-daily-report", "--name", "nightly-etl");
        assertEquals(0, code, stderr());
        assertEquals(Set.of("nightly-etl.yaml"), filesIn(dir));
        MigrateTestSupport.assertLintsClean(dir);
        assertTrue(stderr().contains("warning: CronJob etl/load-bigquery: spec.schedule: \"0 2 * * *\" dropped"), stderr());
    }

    @Test
    void readsFromTheClusterThroughTheGivenKubeconfig() throws Exception {
        client.batch().v1().cronjobs().inAnyNamespace().delete();
        MigrateTestSupport.createCronJob(client, "valid/nightly-etl.yaml", "etl");
        MigrateTestSupport.createCronJob(client, "valid/minimal.yaml", "tools");
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, MigrateTestSupport.kubeconfig(client.getMasterUrl().toString(), "etl"));
        Path outDir = dir.resolve("workflows");

        int code = run("--from-cluster", "--kubeconfig", kubeconfig.toString(), "--out", outDir.toString());
        assertEquals(0, code, stderr());
        assertEquals(Set.of("jira-to-bigquery.yaml"), filesIn(outDir), "the context's namespace only");
        String yaml = Files.readString(outDir.resolve("jira-to-bigquery.yaml"));
        assertFalse(yaml.lines().anyMatch(l -> !l.startsWith("#") && l.contains("namespace:")),
                "the stack decides the namespace:\n" + yaml);
        assertTrue(yaml.contains("\n  timezone: Europe/Berlin\n"), yaml);
        assertTrue(yaml.contains("\n      container:\n        name: etl\n"), "name first, as people write it:\n" + yaml);

        assertEquals(0, run("--from-cluster", "--kubeconfig", kubeconfig.toString(), "--from-namespace", "tools", "--out",
                outDir.toString()));
        assertEquals(Set.of("jira-to-bigquery.yaml", "hello.yaml"), filesIn(outDir));
        MigrateTestSupport.assertLintsClean(outDir);
    }

    /**
     * valid/nightly-etl.yaml (namespace etl) uses, read off the file: service account etl-runner, pull secret
     * registry-credentials, Secret bigquery-writer-key and ConfigMap jira-queries as volumes, Secret jira-api
     * through env, Secret bigquery-settings and ConfigMap etl-defaults through envFrom.
     */
    @Test
    void whatTheJobUsesIsListedAndTheNamespaceChangeWarnedUnlessNamespaceKeepsIt() throws Exception {
        String pod = "spec.jobTemplate.spec.template.spec.";
        List<String> uses = List.of(pod + "serviceAccountName: service account etl-runner",
                pod + "imagePullSecrets[0]: Secret registry-credentials", pod + "volumes[0].secret: Secret bigquery-writer-key",
                pod + "volumes[1].configMap: ConfigMap jira-queries",
                pod + "containers[0].env[1].valueFrom.secretKeyRef: Secret jira-api",
                pod + "containers[0].envFrom[0].secretRef: Secret bigquery-settings",
                pod + "containers[0].envFrom[1].configMapRef: ConfigMap etl-defaults");
        String input = MigrateTestSupport.corpus("valid/nightly-etl.yaml").toString();

        assertEquals(0, run(input, "--dry-run"), stderr());
        assertTrue(stderr().contains("  warning: metadata.namespace: etl, but the workflow will run in argo-workflows"),
                stderr());
        for (String use : uses) {
            assertTrue(stderr().contains("  warning: " + use + " "), use + " not in:\n" + stderr());
        }

        err.getBuffer().setLength(0);
        assertEquals(0, run(input, "--dry-run", "--namespace", "etl"), stderr());
        assertFalse(stderr().contains("metadata.namespace"), stderr());
        assertTrue(stderr().contains("  warning: " + uses.get(0) + " "), "refused wherever it runs:\n" + stderr());
        for (String use : uses.subList(1, uses.size())) {
            assertTrue(stderr().contains("  note: " + use + " ") && stderr().contains(" must be in etl"),
                    use + " not a note in:\n" + stderr());
        }
    }

    @Test
    void flagsThatDoNotGoTogetherAreUsageErrors() {
        assertEquals(2, run());
        assertTrue(stderr().contains("error: give CronJob manifests (FILE|DIR...) or --from-cluster"), stderr());
        assertEquals(2, run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--from-namespace", "etl"));
        assertTrue(stderr().contains("error: --from-namespace, -A, --context and --kubeconfig go with --from-cluster"),
                stderr());
        // kubectl's -n means where to read, --namespace here where to run: -n is refused rather than guessed.
        assertEquals(2, run("--from-cluster", "-n", "etl"));
        assertTrue(stderr().contains("error: -n etl: give --from-namespace etl to read the CronJobs of that namespace"),
                stderr());
        assertEquals(2, run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--namespace", "Data_ETL"));
        assertTrue(stderr().contains("error: --namespace: \"Data_ETL\" is not a valid namespace name"), stderr());
        assertEquals(2, run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--name", "x"));
        assertEquals(2, run(MigrateTestSupport.corpus("valid/minimal.yaml").toString(), "--default-timezone", "Moon/Base"));
        assertEquals(2, run(dir.resolve("missing.yaml").toString()));
        assertTrue(stderr().contains("missing.yaml:1:1: error: no such file or folder"), stderr());
    }
}
