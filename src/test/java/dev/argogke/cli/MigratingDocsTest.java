package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.argogke.ProjectRoot;
import dev.argogke.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/migrating.md are what {@code import-cronjobs} prints and writes for the
 * CronJobs the page shows: each {@code <!-- example: NAME input -->} block is written to
 * {@code k8s/cronjobs/NAME.yaml}, the command is run as the page says, and its output and file are
 * compared with the {@code output} and {@code file} blocks. Run with {@code -Dargogke.updateDocs=true}
 * to rewrite those blocks instead, then read the diff. What the findings must say is asserted apart,
 * from hand-written expectations (NamespaceNeedsTest, CronJobImporterTest).
 */
class MigratingDocsTest {
    static final Path DOC = Path.of("docs/migrating.md");

    @TempDir
    Path dir;

    @Test
    void theBeforeAndAfterExampleIsWhatTheCommandPrintsAndWrites() throws Exception {
        checkExample("jira-to-bigquery", "k8s/cronjobs/");
    }

    @Test
    void theNewNamespaceExampleIsWhatTheCommandPrints() throws Exception {
        checkExample("sync-orders", "k8s/cronjobs/sync-orders.yaml");
        String output = block(Files.readString(DOC), "sync-orders", "output", "text");
        // the page's point, read off its CronJob: the move, and each of the four things its pod uses
        for (String expected : new String[] {"warning: metadata.namespace: data-etl, but the workflow will run in argo-workflows",
                "serviceAccountName: service account etl-runner kept, but argo-gke check and plan refuse it",
                "volumes[0].configMap: ConfigMap order-queries (volume queries) must be in argo-workflows",
                "secretKeyRef: Secret orders-db (key password as DB_PASSWORD in container sync) must be in argo-workflows",
                "envFrom[0].secretRef: Secret warehouse-credentials"}) {
            assertTrue(output.contains(expected), expected + " not in:\n" + output);
        }
    }

    /** Runs the page's command on its input; compares (or, updating, rewrites) the output and file blocks. */
    private void checkExample(String name, String argument) throws Exception {
        String doc = Files.readString(DOC);
        Path input = dir.resolve("k8s/cronjobs/" + name + ".yaml");
        Files.createDirectories(input.getParent());
        Files.writeString(input, block(doc, name, "input", "yaml"));
        Cli.Run run = Cli.run(new Main(ProjectRoot.of(null), Clock.systemUTC()), "import-cronjobs",
                dir.resolve(argument).toString(), "--out", dir.resolve("workflows").toString());
        assertEquals(0, run.exitCode(), run.err());
        String prefix = dir.toString() + "/";
        String output = (run.out() + run.err()).replace(prefix, "");
        String file = Files.readString(dir.resolve("workflows/" + name + ".yaml")).replace(prefix, "");
        String updated = replaceBlock(doc, name, "output", "text", output);
        if (hasBlock(doc, name, "file")) {
            updated = replaceBlock(updated, name, "file", "yaml", file);
        }
        if (Boolean.getBoolean("argogke.updateDocs")) {
            Files.writeString(DOC, updated);
        } else if (!updated.equals(doc)) {
            fail(DOC + ": the " + name + " example differs from what import-cronjobs prints and writes; rerun with"
                    + " -Dargogke.updateDocs=true and read the diff. It prints:\n" + output);
        }
    }

    private static Pattern pattern(String name, String part, String language) {
        return Pattern.compile("<!-- example: " + Pattern.quote(name) + " " + part + " -->\n```" + language
                + "\n(.*?)```\n", Pattern.DOTALL);
    }

    private static boolean hasBlock(String doc, String name, String part) {
        return doc.contains("<!-- example: " + name + " " + part + " -->");
    }

    private static String block(String doc, String name, String part, String language) {
        Matcher m = pattern(name, part, language).matcher(doc);
        if (!m.find()) {
            fail(DOC + " has no ```" + language + " block after <!-- example: " + name + " " + part + " -->");
        }
        return m.group(1);
    }

    private static String replaceBlock(String doc, String name, String part, String language, String text) {
        block(doc, name, part, language);
        return pattern(name, part, language).matcher(doc).replaceFirst(Matcher.quoteReplacement(
                "<!-- example: " + name + " " + part + " -->\n```" + language + "\n" + text + "```\n"));
    }
}
