package dev.argogke.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.argogke.testing.Shared;
import dev.argogke.workflows.lint.LintReport;
import dev.argogke.workflows.lint.Linter;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared by the migrate tests: the corpus, path lookups in manifests, and checks every output must pass. */
public final class MigrateTestSupport {
    public static final Path CORPUS = Path.of("src/test/resources/migrate/cronjobs");
    /**
     * The CronJobs of the corpus' valid/ folder, read off its files by eye: concurrency.yaml 4,
     * timezones.yaml 4, list.yaml 2 (its third item is a ConfigMap), one in each of the other six;
     * the long name as Names.shorten cuts it to 52 characters.
     */
    public static final Set<String> VALID_CRONJOBS = Set.of("jira-to-bigquery", "new-york-report", "controller-zone-cleanup",
            "tokyo-inline-zone", "utc-export", "allow-overlap", "forbid-overlap", "replace-running", "default-policy",
            "sql-export-with-proxy", "hello", "firebase-sync", "weekly-digest", "monthly-invoices", "indexed-backfill",
            "export-customer-orders-from-postgres-to-big-a88544c5");
    /** chain/nightly.yaml's three CronJobs, which chain/chains.yaml joins into one CronWorkflow. */
    public static final String CHAIN = "nightly-etl";
    private static final Pattern INDEX = Pattern.compile("(.*)\\[(\\d+)]");
    private static JsonSchema argoSchema;

    private MigrateTestSupport() {
    }

    public static Path corpus(String relative) {
        return CORPUS.resolve(relative);
    }

    /** The CronJobs of corpus files, as the command would read them. */
    public static List<CronJobSource> cronJobs(String... corpusFiles) {
        List<Path> paths = Arrays.stream(corpusFiles).map(MigrateTestSupport::corpus).toList();
        return CronJobInputs.fromManifests(ManifestLoader.loadAll(paths)).cronJobs();
    }

    public static List<CronJobImporter.ImportedWorkflow> plan(String... corpusFiles) {
        return CronJobImporter.plan(cronJobs(corpusFiles), List.of(), ImportOptions.DEFAULTS);
    }

    public static CronJobImporter.ImportedWorkflow only(String name, List<CronJobImporter.ImportedWorkflow> all) {
        return all.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no CronWorkflow " + name + " in "
                        + all.stream().map(CronJobImporter.ImportedWorkflow::name).toList()));
    }

    /** The value at a dotted path with [i] indexes, e.g. {@code spec.workflowSpec.templates[0].container}. */
    public static Object at(Object root, String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            Matcher m = INDEX.matcher(part);
            String key = m.matches() ? m.group(1) : part;
            if (!key.isEmpty()) {
                if (!(node instanceof Map<?, ?> map)) {
                    return null;
                }
                node = map.get(key);
            }
            if (m.matches()) {
                if (!(node instanceof List<?> list) || list.size() <= Integer.parseInt(m.group(2))) {
                    return null;
                }
                node = list.get(Integer.parseInt(m.group(2)));
            }
        }
        return node;
    }

    /** The same lookup with dots inside a key: {@code atKey(root, "metadata.annotations", "a.b/c")}. */
    public static Object atKey(Object root, String path, String key) {
        return at(root, path) instanceof Map<?, ?> m ? m.get(key) : null;
    }

    /**
     * What every written file must satisfy: it starts with the header comment, holds the
     * WorkflowTemplate then the CronWorkflow, each reads back as exactly the manifest built and is
     * valid against Argo v4.1's JSON schema, the file lints clean, and the controller would run it
     * under Strict template referencing ({@link #assertRunsUnderStrictReferencing}).
     */
    public static void assertValidOutput(CronJobImporter.ImportedWorkflow w) {
        assertTrue(w.yaml().startsWith("# Imported from CronJob"), "the header comment heads the file:\n" + w.yaml());
        List<Manifest> back = ManifestLoader.parse(Path.of(w.fileName()), w.yaml());
        if (back.size() != 2) {
            fail(w.fileName() + " holds " + back.size() + " documents, not a WorkflowTemplate and a CronWorkflow");
        }
        List<Map<String, Object>> built = List.of(w.template(), w.cronWorkflow());
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of("WorkflowTemplate", "CronWorkflow").get(i), back.get(i).content().get("kind"),
                    w.fileName() + " document " + (i + 1));
            if (!back.get(i).content().equals(normalized(built.get(i)))) {
                fail(w.fileName() + " document " + (i + 1) + " does not read back as the manifest built:\n" + w.yaml());
            }
        }
        assertRunsUnderStrictReferencing(w);
        LintReport lint = Linter.lintManifests(back);
        assertTrue(lint.clean(), w.fileName() + " does not lint clean: " + lint.findings() + "\n" + w.yaml());
        assertEquals(List.of(), lint.findings(), w.fileName() + " has lint findings");
        // Last: without ../shared the schema is absent and the test is skipped here, after every other check ran.
        for (int i = 0; i < 2; i++) {
            Set<ValidationMessage> errors = argoSchema().validate(new ObjectMapper().valueToTree(built.get(i)));
            assertTrue(errors.isEmpty(), w.fileName() + " document " + (i + 1) + " fails Argo's schema: " + errors);
        }
    }

    /**
     * JSON names of the WorkflowSpec fields Argo v4.0.7 lets a Workflow set beside a
     * workflowTemplateRef under Strict template referencing; any other field set makes the
     * controller mark the Workflow Error (workflow/util/merge.go allowedUserOverrideFields, json
     * tags in pkg/apis/workflow/v1alpha1/workflow_types.go; workflow/controller/operator.go
     * setExecWorkflow).
     */
    static final Set<String> ARGO_ALLOWED_BESIDE_REFERENCE = Set.of("arguments", "entrypoint", "shutdown", "suspend",
            "activeDeadlineSeconds", "priority", "ttlStrategy", "podGC", "volumeClaimGC", "archiveLogs",
            "workflowMetadata", "workflowTemplateRef", "metrics", "artifactGC");

    /**
     * The Workflows the CronWorkflow creates would run under Argo's Strict template referencing:
     * its workflowSpec references the WorkflowTemplate of the same file, by name, in the same
     * namespace, and sets nothing but the reference (so nothing outside Argo's allow-list); the
     * template holds the steps.
     */
    public static void assertRunsUnderStrictReferencing(CronJobImporter.ImportedWorkflow w) {
        Map<String, Object> cron = w.cronWorkflow();
        Map<String, Object> template = w.template();
        Object workflowSpec = at(cron, "spec.workflowSpec");
        assertTrue(workflowSpec instanceof Map<?, ?> m && ARGO_ALLOWED_BESIDE_REFERENCE.containsAll(m.keySet()),
                w.fileName() + ": the CronWorkflow's workflowSpec sets a field Argo refuses beside a reference: " + workflowSpec);
        assertEquals(Map.of("workflowTemplateRef", Map.of("name", w.name())), workflowSpec,
                w.fileName() + ": the CronWorkflow's workflowSpec holds only the reference to its template");
        assertEquals(w.name(), at(template, "metadata.name"), w.fileName());
        assertEquals(at(cron, "metadata.namespace"), at(template, "metadata.namespace"),
                w.fileName() + ": a workflowTemplateRef resolves in the Workflow's own namespace");
        assertTrue(at(template, "spec.templates") instanceof List<?> l && !l.isEmpty(),
                w.fileName() + ": the template holds the steps");
        Object entrypoint = at(template, "spec.entrypoint");
        assertTrue(((List<?>) at(template, "spec.templates")).stream().anyMatch(t -> entrypoint != null
                && entrypoint.equals(((Map<?, ?>) t).get("name"))), w.fileName() + ": the entrypoint is one of its templates");
    }

    /** Every file in {@code folder} lints clean as a set, as {@code argo-gke lint} would check them. */
    public static void assertLintsClean(Path folder) {
        LintReport lint = Linter.lint(List.of(folder));
        assertTrue(lint.documents() > 0, "nothing in " + folder);
        assertTrue(lint.clean(), folder + " does not lint clean: " + lint.findings());
        assertEquals(List.of(), lint.findings(), folder + " has lint findings");
    }

    /** Numbers as the YAML loader gives them back (it reads small whole numbers as Integer). */
    private static Object normalized(Object o) {
        if (o instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalized(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(MigrateTestSupport::normalized).toList();
        }
        return o;
    }

    private static synchronized JsonSchema argoSchema() {
        if (argoSchema == null) {
            // Skips (fails under CI=true) when ../shared is not beside the checkout, as a user's clone has it.
            Path file = Shared.folder("conformance", "argo-workflows.schema.json", "the Argo conformance material")
                    .resolve("argo-workflows.schema.json");
            try {
                JsonNode schema = new ObjectMapper().readTree(Files.readString(file));
                argoSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(file + ": cannot read Argo's schema", e);
            }
        }
        return argoSchema;
    }

    /** Creates the corpus file's CronJob in the cluster, as kubectl apply would. */
    public static void createCronJob(KubernetesClient client, String corpusFile, String namespace) throws Exception {
        CronJob cronJob = client.getKubernetesSerialization().unmarshal(Files.readString(corpus(corpusFile)), CronJob.class);
        client.batch().v1().cronjobs().inNamespace(namespace).resource(cronJob).create();
    }

    /** A kubeconfig whose current context points at {@code server} with {@code namespace}. */
    public static String kubeconfig(String server, String namespace) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                      insecure-skip-tls-verify: true
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: mock
                      namespace: %s
                current-context: mock
                users:
                  - name: mock
                    user:
                      token: not-a-secret
                """.formatted(server, namespace);
    }
}
