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
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    /** A secret in an expression: {@code ${{ secrets.NAME }}}. */
    static final Pattern SECRET = Pattern.compile("secrets\\.[A-Za-z_]");
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
            assertFalse(map(wf.get("jobs")).isEmpty(), file + " has jobs");
            int actions = 0;
            for (Map.Entry<String, Object> e : map(wf.get("jobs")).entrySet()) {
                Map<String, Object> job = map(e.getValue());
                assertNotNull(job.get("timeout-minutes"), file + " job " + e.getKey() + " needs timeout-minutes");
                for (Map<String, Object> s : steps(job)) {
                    if (s.get("uses") != null) {
                        actions++;
                        assertTrue(PINNED.matcher((String) s.get("uses")).matches(), file + ": " + s.get("uses") + " is not pinned to a commit SHA");
                    }
                }
            }
            String text = Files.readString(DIR.resolve(file));
            List<String> usesLines = text.lines().filter(l -> l.contains("uses:")).toList();
            // Every job of these files uses at least actions/checkout or github-script; the YAML's steps
            // and the text's lines are two readings of the same actions, so neither can miss one.
            assertTrue(actions > 0, file + " uses no action");
            assertEquals(actions, usesLines.size(), file + ": the steps' uses and the text's uses: lines");
            usesLines.forEach(l ->
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
    void previewRunsPullRequestCodeWithAReadOnlyTokenAndNoSecretsAndOnlyShowsItsOwnDiffInTheRunSummary() throws IOException {
        Map<String, Object> wf = load("preview.yml");
        assertEquals(Set.of("pull_request"), map(wf.get("on")).keySet());
        assertEquals(Map.of("contents", "read"), map(wf.get("permissions")));
        String text = Files.readString(DIR.resolve("preview.yml"));
        assertFalse(SECRET.matcher(text).find(), "no secrets in the workflow that runs pull-request code");
        Map<String, Object> plan = job(wf, "plan");
        assertNull(plan.get("permissions"), "the job keeps the read-only default");
        assertEquals(List.of("dev", "prod"), map(map(plan.get("strategy")).get("matrix")).get("stack"));
        List<Map<String, Object>> checkouts = uses(plan, "actions/checkout");
        assertEquals(2, checkouts.size(), "head and base");
        assertEquals("${{ github.event.pull_request.base.sha }}", map(checkouts.get(1).get("with")).get("ref"));
        assertEquals("base", map(checkouts.get(1).get("with")).get("path"));
        String runs = runs(plan);
        assertTrue(runs.contains("bin/argo-gke lint"), runs);
        assertTrue(runs.contains("bin/argo-gke plan --stack \"$STACK\" --out \"$RUNNER_TEMP/head.json\""), runs);
        assertTrue(runs.contains("bin/argo-gke plan --stack \"$STACK\" --out \"$RUNNER_TEMP/base.json\""), runs);
        assertTrue(runs.contains("bin/argo-gke diff --format markdown \"$RUNNER_TEMP/base.json\" \"$RUNNER_TEMP/head.json\""), runs);
        assertTrue(runs.contains(">> \"$GITHUB_STEP_SUMMARY\""), "the pull request's own diff goes to the run summary");
        assertEquals(List.of(), uses(plan, "actions/upload-artifact"), "and nowhere else: the comment is not made from it");

        Map<String, Object> number = job(wf, "number");
        assertEquals(List.of(), uses(number, "actions/checkout"), "the number needs no code");
        assertTrue(runs(number).contains("echo \"$PR_NUMBER\" > pr/number"), runs(number));
        assertEquals("pr", map(step(number, "actions/upload-artifact").get("with")).get("name"));
    }

    /**
     * The comment's diff is computed by argo-gke of the default branch: a pull_request run uses the
     * workflow file of the pull request itself, a workflow_run run the default branch's, whose
     * GITHUB_SHA is the default branch's last commit (GitHub, "Events that trigger workflows").
     */
    @Test
    void theCommentsDiffIsComputedByTheDefaultBranchsArgoGkeFromThePullRequestsWorkflowsAndStacksOnly() throws IOException {
        Map<String, Object> wf = load("preview-comment.yml");
        Map<String, Object> trigger = map(map(wf.get("on")).get("workflow_run"));
        assertEquals(Set.of("workflow_run"), map(wf.get("on")).keySet());
        assertEquals(List.of(load("preview.yml").get("name")), trigger.get("workflows"), "triggered by the Preview workflow");
        assertEquals(List.of("completed"), trigger.get("types"));
        assertEquals(Map.of(), map(wf.get("permissions")));
        assertFalse(SECRET.matcher(Files.readString(DIR.resolve("preview-comment.yml"))).find(), "no secrets");

        Map<String, Object> diff = job(wf, "diff");
        assertEquals(Map.of("actions", "read", "contents", "read", "pull-requests", "read"), permissions(wf, diff), "read-only");
        assertTrue(String.valueOf(diff.get("if")).contains("github.event.workflow_run.event == 'pull_request'"));
        List<Map<String, Object>> checkouts = uses(diff, "actions/checkout");
        assertEquals(List.of("tool", "pr-base", "pr-head"), checkouts.stream().map(c -> map(c.get("with")).get("path")).toList());
        for (Map<String, Object> c : checkouts) {
            assertEquals(false, map(c.get("with")).get("persist-credentials"), "no token left in .git/config");
        }
        assertEquals("${{ github.sha }}", map(checkouts.get(0).get("with")).get("ref"), "the tool is the default branch's last commit");
        assertEquals("${{ steps.pr.outputs.base }}", map(checkouts.get(1).get("with")).get("ref"));
        assertEquals("${{ steps.pr.outputs.head }}", map(checkouts.get(2).get("with")).get("ref"));
        for (Map<String, Object> data : checkouts.subList(1, 3)) {
            Map<String, Object> with = map(data.get("with"));
            assertEquals(false, with.get("sparse-checkout-cone-mode"), "cone mode would add every top-level file");
            assertEquals(List.of("/workflows/", "/stacks/"), ((String) with.get("sparse-checkout")).strip().lines().toList(),
                    "only the data argo-gke reads comes from the pull request");
        }
        assertNull(map(step(diff, "actions/setup-java").get("with")).get("cache"),
                "no cache saved from a job that reads pull-request files in the default branch's cache scope");
        String runs = runs(diff);
        assertTrue(runs.contains("mvn -B -q -f tool/pom.xml package -DskipTests"), runs);
        assertTrue(runs.contains("bash tool/.github/scripts/preview-diff.sh tool/target/argo-gke.jar pr-base pr-head dev prod"), runs);
        assertFalse(runs.contains("pr-base/") || runs.contains("pr-head/"), "nothing under the pull request's folders is run:\n" + runs);
        String find = (String) map(step(diff, "actions/github-script").get("with")).get("script");
        assertTrue(find.contains("pr.head.sha !== run.head_sha"), "the artifact's PR number is checked against the run");
        assertTrue(find.contains("pulls.listFiles"), "files the comment cannot preview are named");
        Map<String, Object> untrusted = map(step(diff, "actions/download-artifact").get("with"));
        assertEquals("${{ github.event.workflow_run.id }}", untrusted.get("run-id"));
        assertEquals("${{ runner.temp }}/untrusted", untrusted.get("path"), "outside the checkouts");
    }

    @Test
    void theCommentJobHoldsTheWriteTokenButChecksOutAndRunsNothing() throws IOException {
        Map<String, Object> wf = load("preview-comment.yml");
        Map<String, Object> comment = job(wf, "comment");
        assertEquals("diff", comment.get("needs"));
        assertEquals(Map.of("pull-requests", "write"), permissions(wf, comment));
        for (Map<String, Object> s : steps(comment)) {
            assertNull(s.get("run"), "no shell steps in the privileged job");
            assertFalse(String.valueOf(s.get("uses")).startsWith("actions/checkout@"), "no checkout in the privileged job");
        }
        Map<String, Object> download = map(step(comment, "actions/download-artifact").get("with"));
        assertEquals("comment", download.get("name"));
        assertNull(download.get("run-id"), "this run's artifact, made by job diff, not the Preview run's");
        String script = (String) map(step(comment, "actions/github-script").get("with")).get("script");
        assertTrue(script.contains("const MARKER = '<!-- argo-gke-preview -->';"), script);
        assertTrue(script.contains("updateComment") && script.contains("createComment"), "one comment, updated in place");
        assertTrue(script.contains("pr.head.sha !== head"), "no comment for a commit the pull request has moved past");
        assertTrue(script.contains(".replace(/<!--/g, '&lt;!--')"), "text from the pull request cannot hide the rest");
    }

    @Test
    void pulumiPreviewsDevForSameRepoPullRequestsAndDeploysDevThenProdWithApproval() throws IOException {
        Map<String, Object> wf = load("pulumi.yml");
        Map<String, Object> on = map(wf.get("on"));
        assertTrue(on.containsKey("pull_request"));
        assertEquals(List.of("main"), map(on.get("push")).get("branches"));
        assertEquals(Map.of(), map(wf.get("permissions")));

        Map<String, Object> preview = job(wf, "preview");
        assertTrue(String.valueOf(preview.get("if")).contains("github.event.pull_request.head.repo.full_name == github.repository"),
                "forks get no credentials");
        // It runs the pull request's code: an OIDC token for the read-only account and nothing to write with.
        assertEquals(Map.of("contents", "read", "id-token", "write"), permissions(wf, preview));
        Map<String, Object> pulumi = map(step(preview, "pulumi/actions").get("with"));
        assertEquals("preview", pulumi.get("command"));
        assertEquals(true, pulumi.get("diff"));
        assertEquals("dev", pulumi.get("stack-name"), "whatever previews a stack can decrypt its secrets: dev only");
        assertNull(pulumi.get("comment-on-pr"), "the pull request's code does not write the comment");
        assertEquals(true, pulumi.get("comment-on-summary"));
        assertWorkloadIdentity(preview, "GCP_PREVIEW_SERVICE_ACCOUNT");
        assertTrue(runs(preview).contains("gcloud secrets versions access \"$SECRET/versions/latest\""), runs(preview));

        Map<String, Object> dev = job(wf, "up-dev");
        Map<String, Object> prod = job(wf, "up-prod");
        for (Map<String, Object> up : List.of(dev, prod)) {
            assertTrue(String.valueOf(up.get("if")).contains("github.ref == 'refs/heads/main'"));
            assertEquals(Map.of("contents", "read", "id-token", "write"), permissions(wf, up));
            assertEquals("up", map(step(up, "pulumi/actions").get("with")).get("command"));
        }
        assertEquals("dev", dev.get("environment"));
        assertWorkloadIdentity(dev, "GCP_DEV_DEPLOY_SERVICE_ACCOUNT");
        assertWorkloadIdentity(prod, "GCP_PROD_DEPLOY_SERVICE_ACCOUNT");
        assertEquals("dev", map(step(dev, "pulumi/actions").get("with")).get("stack-name"));
        assertEquals("prod", map(step(prod, "pulumi/actions").get("with")).get("stack-name"));
        assertEquals("up-dev", prod.get("needs"));
        assertEquals("production", prod.get("environment"), "prod waits for the environment's reviewers");
    }

    /**
     * Each Google account is bound to one OIDC subject (GitHub, "About security hardening with
     * OpenID Connect"): a job that references an environment gets {@code environment:NAME}, a
     * pull_request job without one gets {@code pull_request}. So the account a job may use follows
     * from its environment, and the pull-request preview's account must be nobody's deployer.
     */
    @Test
    void thePreviewsAccountIsNoDeployersAndEachEnvironmentHasItsOwnDeployer() throws IOException {
        Map<String, String> deployerOf = new HashMap<>();
        List<String> withoutEnvironment = new ArrayList<>();
        for (String file : workflowFiles()) {
            for (Map<String, Object> job : jobs(load(file))) {
                for (Map<String, Object> auth : uses(job, "google-github-actions/auth")) {
                    String account = String.valueOf(map(auth.get("with")).get("service_account"));
                    if (job.get("environment") == null) {
                        withoutEnvironment.add(account);
                    } else {
                        String previous = deployerOf.put(account, String.valueOf(job.get("environment")));
                        assertTrue(previous == null || previous.equals(job.get("environment")),
                                account + " serves two environments: " + previous + " and " + job.get("environment"));
                    }
                }
            }
        }
        assertEquals(Map.of("${{ vars.GCP_DEV_DEPLOY_SERVICE_ACCOUNT }}", "dev",
                "${{ vars.GCP_PROD_DEPLOY_SERVICE_ACCOUNT }}", "production"), deployerOf);
        assertEquals(List.of("${{ vars.GCP_PREVIEW_SERVICE_ACCOUNT }}"), withoutEnvironment);
    }

    /**
     * Pulumi's secrets are secrets of the dev and production environments, whose deployment branch
     * rule admits main only (GitHub, "Deployments and environments": environment secrets reach only
     * jobs that reference the environment, and the rule is matched against the run's GITHUB_REF).
     * A job that could run on a pull request (its code) reads no secret at all.
     */
    @Test
    void onlyJobsOfAnEnvironmentThatRunOnPushesToMainReadSecrets() throws IOException {
        int readers = 0;
        for (String file : workflowFiles()) {
            Map<String, Object> wf = load(file);
            for (Map<String, Object> job : jobs(wf)) {
                String name = file + " job " + job.get("name");
                if (!SECRET.matcher(String.valueOf(job)).find()) {
                    continue;
                }
                readers++;
                assertNotNull(job.get("environment"), name + " reads a secret outside an environment (a repository secret)");
                assertTrue(String.valueOf(job.get("if")).contains("github.event_name == 'push'")
                        && String.valueOf(job.get("if")).contains("github.ref == 'refs/heads/main'"), name + " reads secrets on other events than a push to main");
            }
        }
        assertEquals(2, readers, "up-dev and up-prod");
    }

    private static List<String> workflowFiles() throws IOException {
        try (var list = Files.list(DIR)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jobs(Map<String, Object> workflow) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Map.Entry<String, Object> e : map(workflow.get("jobs")).entrySet()) {
            Map<String, Object> job = new LinkedHashMap<>((Map<String, Object>) e.getValue());
            job.putIfAbsent("name", e.getKey());
            jobs.add(job);
        }
        return jobs;
    }

    static List<Map<String, Object>> uses(Map<String, Object> job, String action) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@")).toList();
    }

    private static void assertWorkloadIdentity(Map<String, Object> job, String serviceAccountVariable) {
        Map<String, Object> auth = map(step(job, "google-github-actions/auth").get("with"));
        assertEquals("${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}", auth.get("workload_identity_provider"));
        assertEquals("${{ vars." + serviceAccountVariable + " }}", auth.get("service_account"));
        List<String> keys = new ArrayList<>(auth.keySet());
        assertEquals(List.of("workload_identity_provider", "service_account"), keys, "no key file inputs");
    }
}
