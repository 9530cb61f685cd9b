package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub workflows: what triggers them, what each job may do, and the split that keeps
 * pull requests from forks away from write tokens and cloud credentials.
 */
class GithubWorkflowsTest {
    static final Path DIR = Path.of(".github/workflows");
    /**
     * A full commit SHA: GitHub's "Security hardening for GitHub Actions" ("Using third-party
     * actions"): pinning to a full-length commit SHA is the only way to use an action as an
     * immutable release; a tag can be moved or deleted.
     */
    static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
    /** The line as written: the SHA, then the release it is, for the reader and for update tools. */
    static final Pattern PINNED_LINE = Pattern.compile("\\s*(- )?uses: [\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+\\s*");

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String file) throws IOException {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(DIR.resolve(file)));
        return (Map<String, Object>) doc;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    static Map<String, Object> job(Map<String, Object> workflow, String name) {
        Map<String, Object> job = map(map(workflow.get("jobs")).get(name));
        assertFalse(job.isEmpty(), "no job " + name);
        return job;
    }

    static Map<String, Object> step(Map<String, Object> job, String uses) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    static String runs(Map<String, Object> job) {
        StringBuilder sb = new StringBuilder();
        steps(job).stream().filter(s -> s.get("run") != null).forEach(s -> sb.append(s.get("run")).append('\n'));
        return sb.toString();
    }

    /** A job's permissions: its own block, else the workflow's. */
    static Map<String, Object> permissions(Map<String, Object> workflow, Map<String, Object> job) {
        return map(job.containsKey("permissions") ? job.get("permissions") : workflow.get("permissions"));
    }

    @Test
    void everyWorkflowParsesPinsItsActionsAndBoundsItsJobs() throws IOException {
        List<String> files;
        try (var list = Files.list(DIR)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("ci.yml", "preview-comment.yml", "preview.yml", "pulumi.yml"), files);
        for (String file : files) {
            Map<String, Object> wf = load(file);
            assertNotNull(wf.get("name"), file);
            assertTrue(wf.containsKey("permissions"), file + " must set permissions at the top (default-deny or read)");
            for (Map.Entry<String, Object> e : map(wf.get("jobs")).entrySet()) {
                Map<String, Object> job = map(e.getValue());
                assertNotNull(job.get("timeout-minutes"), file + " job " + e.getKey() + " needs timeout-minutes");
                for (Map<String, Object> s : steps(job)) {
                    if (s.get("uses") != null) {
                        assertTrue(PINNED.matcher((String) s.get("uses")).matches(), file + ": " + s.get("uses") + " is not pinned to a commit SHA");
                    }
                }
            }
            String text = Files.readString(DIR.resolve(file));
            text.lines().filter(l -> l.contains("uses:")).forEach(l ->
                    assertTrue(PINNED_LINE.matcher(l).matches(), file + ": '" + l.trim() + "' needs the release in a comment after the SHA"));
            assertFalse(text.contains("pull_request_target"), file + ": pull_request_target would run fork code with a write token");
            assertFalse(text.contains("credentials_json"), file + ": use Workload Identity Federation, not key files");
        }
    }

    @Test
    void ciBuildsEveryPullRequestAndPushToMainWithJdk17AndTheMavenCache() throws IOException {
        Map<String, Object> wf = load("ci.yml");
        Map<String, Object> on = map(wf.get("on"));
        assertTrue(on.containsKey("pull_request"));
        assertEquals(List.of("main"), map(on.get("push")).get("branches"));
        Map<String, Object> build = job(wf, "build");
        assertEquals(Map.of("contents", "read"), permissions(wf, build));
        Map<String, Object> java = map(step(build, "actions/setup-java").get("with"));
        assertEquals("17", java.get("java-version"));
        assertEquals("maven", java.get("cache"));
        List<String> commands = runs(build).strip().lines().toList();
        assertEquals("bash .ci/run", commands.get(commands.size() - 1), "CI ends with exactly what .ci/run does locally");
        assertTrue(runs(build).contains("../shared/conformance/argo-examples"), "the conformance corpus is put beside the checkout");
    }

    @Test
    void previewRunsPullRequestCodeWithAReadOnlyTokenAndNoSecrets() throws IOException {
        Map<String, Object> wf = load("preview.yml");
        assertEquals(Set.of("pull_request"), map(wf.get("on")).keySet());
        assertEquals(Map.of("contents", "read"), map(wf.get("permissions")));
        String text = Files.readString(DIR.resolve("preview.yml"));
        assertFalse(text.contains("secrets."), "no secrets in the job that runs pull-request code");
        Map<String, Object> plan = job(wf, "plan");
        assertNull(plan.get("permissions"), "the job keeps the read-only default");
        assertEquals(List.of("dev", "prod"), map(map(plan.get("strategy")).get("matrix")).get("stack"));
        List<Map<String, Object>> checkouts = steps(plan).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/checkout@")).toList();
        assertEquals(2, checkouts.size(), "head and base");
        assertEquals("${{ github.event.pull_request.base.sha }}", map(checkouts.get(1).get("with")).get("ref"));
        assertEquals("base", map(checkouts.get(1).get("with")).get("path"));
        String runs = runs(plan);
        assertTrue(runs.contains("bin/argo-gke lint"), runs);
        assertTrue(runs.contains("bin/argo-gke plan --stack \"$STACK\" --out \"$RUNNER_TEMP/head.json\""), runs);
        assertTrue(runs.contains("bin/argo-gke plan --stack \"$STACK\" --out \"$RUNNER_TEMP/base.json\""), runs);
        assertTrue(runs.contains("bin/argo-gke diff --format markdown \"$RUNNER_TEMP/base.json\" \"$RUNNER_TEMP/head.json\""), runs);
        assertTrue(runs.contains("echo \"$PR_NUMBER\" > preview/pr-number"), runs);
        Map<String, Object> upload = map(step(plan, "actions/upload-artifact").get("with"));
        assertEquals("preview-${{ matrix.stack }}", upload.get("name"));
    }

    @Test
    void previewCommentHasWriteAccessButNeverChecksOutOrRunsCode() throws IOException {
        Map<String, Object> wf = load("preview-comment.yml");
        Map<String, Object> trigger = map(map(wf.get("on")).get("workflow_run"));
        assertEquals(List.of(load("preview.yml").get("name")), trigger.get("workflows"), "triggered by the Preview workflow");
        assertEquals(List.of("completed"), trigger.get("types"));
        assertEquals(Map.of(), map(wf.get("permissions")));
        Map<String, Object> comment = job(wf, "comment");
        assertEquals(Map.of("pull-requests", "write", "actions", "read"), permissions(wf, comment));
        assertTrue(String.valueOf(comment.get("if")).contains("github.event.workflow_run.conclusion == 'success'"));
        for (Map<String, Object> s : steps(comment)) {
            assertNull(s.get("run"), "no shell steps in the privileged job");
            assertFalse(String.valueOf(s.get("uses")).startsWith("actions/checkout@"), "never checks out pull-request code");
        }
        assertEquals("${{ github.event.workflow_run.id }}", map(step(comment, "actions/download-artifact").get("with")).get("run-id"));
        String script = (String) map(step(comment, "actions/github-script").get("with")).get("script");
        assertTrue(script.contains("const MARKER = '<!-- argo-gke-preview -->';"), script);
        assertTrue(script.contains("updateComment") && script.contains("createComment"), "one comment, updated in place");
        assertTrue(script.contains("pr.head.sha !== run.head_sha"), "the artifact's PR number is checked");
    }

    @Test
    void pulumiPreviewsSameRepoPullRequestsAndDeploysDevThenProdWithApproval() throws IOException {
        Map<String, Object> wf = load("pulumi.yml");
        Map<String, Object> on = map(wf.get("on"));
        assertTrue(on.containsKey("pull_request"));
        assertEquals(List.of("main"), map(on.get("push")).get("branches"));
        assertEquals(Map.of(), map(wf.get("permissions")));

        Map<String, Object> preview = job(wf, "preview");
        assertTrue(String.valueOf(preview.get("if")).contains("github.event.pull_request.head.repo.full_name == github.repository"),
                "forks get no credentials");
        assertEquals(Map.of("contents", "read", "id-token", "write", "pull-requests", "write"), permissions(wf, preview));
        assertEquals(List.of("dev", "prod"), map(map(preview.get("strategy")).get("matrix")).get("stack"));
        Map<String, Object> pulumi = map(step(preview, "pulumi/actions").get("with"));
        assertEquals("preview", pulumi.get("command"));
        assertEquals(true, pulumi.get("diff"));
        assertEquals(true, pulumi.get("comment-on-pr"));
        assertEquals("${{ matrix.stack }}", pulumi.get("stack-name"));
        assertWorkloadIdentity(preview, "GCP_PREVIEW_SERVICE_ACCOUNT");

        Map<String, Object> dev = job(wf, "up-dev");
        Map<String, Object> prod = job(wf, "up-prod");
        for (Map<String, Object> up : List.of(dev, prod)) {
            assertTrue(String.valueOf(up.get("if")).contains("github.ref == 'refs/heads/main'"));
            assertEquals(Map.of("contents", "read", "id-token", "write"), permissions(wf, up));
            assertEquals("up", map(step(up, "pulumi/actions").get("with")).get("command"));
        }
        // Each environment's deployer is its own service account, bound to that environment's OIDC
        // subject (GitHub's "About security hardening with OpenID Connect": the sub claim carries
        // environment:NAME for a job that references an environment), so the dev job cannot act as prod's.
        assertEquals("dev", dev.get("environment"));
        assertWorkloadIdentity(dev, "GCP_DEV_DEPLOY_SERVICE_ACCOUNT");
        assertWorkloadIdentity(prod, "GCP_PROD_DEPLOY_SERVICE_ACCOUNT");
        assertEquals("dev", map(step(dev, "pulumi/actions").get("with")).get("stack-name"));
        assertEquals("prod", map(step(prod, "pulumi/actions").get("with")).get("stack-name"));
        assertEquals("up-dev", prod.get("needs"));
        assertEquals("production", prod.get("environment"), "prod waits for the environment's reviewers");
    }

    private static void assertWorkloadIdentity(Map<String, Object> job, String serviceAccountVariable) {
        Map<String, Object> auth = map(step(job, "google-github-actions/auth").get("with"));
        assertEquals("${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}", auth.get("workload_identity_provider"));
        assertEquals("${{ vars." + serviceAccountVariable + " }}", auth.get("service_account"));
        List<String> keys = new ArrayList<>(auth.keySet());
        assertEquals(List.of("workload_identity_provider", "service_account"), keys, "no key file inputs");
    }
}
