package dev.argogke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argogke.StandInEngine.Diagnostic;
import dev.argogke.StandInEngine.Registration;
import dev.argogke.config.GoJson;
import dev.argogke.config.PulumiProjectRules;
import dev.argogke.config.PulumiProjectRules.Project;
import dev.argogke.config.PulumiStackRules;
import dev.argogke.config.PulumiStackRules.StackConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged program ({@code java -jar target/argo-gke.jar}, what Pulumi.yaml's
 * {@code runtime.options.binary} makes the Java language host run) previewing each committed
 * stack against the {@link StandInEngine}, with the environment the language host sets
 * (pulumi/pulumi-java {@code pkg/cmd/pulumi-language-java/main.go}, {@code constructEnv} and
 * {@code constructConfig}) from the config the CLI hands it ({@link PulumiStackRules}).
 * Runs in {@code mvn verify}, after the jar is built (failsafe).
 */
class ProgramPreviewIT {
    private static final Path ROOT = Path.of(".").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("target/argo-gke.jar");
    private static final String PROJECT = "argo-gke";

    record Preview(int exit, String output, StandInEngine engine) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCommittedStackPreviewsWithNoErrorAndExitsZero(String stack) throws Exception {
        Preview run = preview(stack, Files.readString(ROOT.resolve("stacks/Pulumi." + stack + ".yaml")));
        try (StandInEngine engine = run.engine()) {
            assertEquals(List.of(), engine.errors(), run.output());
            assertEquals(0, run.exit(), run.output());
            assertEquals(List.of(), engine.refused(), "calls that need a provider");
            // The one data source, the project's number (IAP's audience, GKE's service agent), waits
            // for the project's APIs (cluster.ProjectNumber): in the preview of a fresh stack they have
            // no id yet, so the SDK asks no provider and the number stays unknown until deploy
            // (pulumi-java DeploymentImpl.Invoke with InvokeOutputOptions dependsOn). EdgeTest checks
            // what is asked of which provider once it is asked.
            assertEquals(List.of(), engine.invoked(), "nothing is read from Google before the project's APIs exist");
            String rootStack = "urn:pulumi:" + stack + "::argo-gke::pulumi:pulumi:Stack::argo-gke-" + stack;
            assertEquals(rootStack, engine.registrations().get(0).urn());
            assertTrue(engine.outputsRegisteredFor().contains(rootStack), "the program registered the stack's outputs: it ran to its end");
            Registration cluster = engine.registrations().stream()
                    .filter(r -> r.type().equals("gcp:container/cluster:Cluster")).findFirst().orElseThrow();
            assertTrue(cluster.urn().startsWith("urn:pulumi:" + stack + "::argo-gke::") && cluster.urn().contains("$gcp:container/cluster:Cluster::"),
                    "a child of a component: the component's type chain, without the stack's: " + cluster.urn());
            assertFalse(run.output().contains("Exception"), run.output());
            System.out.printf("preview %s: exit %d, %d resources registered, %d diagnostics%n",
                    stack, run.exit(), engine.registrations().size(), engine.diagnostics().size());
            engine.diagnostics().stream().filter(d -> d.severity() != pulumirpc.EngineOuterClass.LogSeverity.DEBUG)
                    .forEach(d -> System.out.println("  " + d));
        }
    }

    @Test
    void aConfigMistakeIsOneErrorThroughTheEngineAndANonZeroExit() throws Exception {
        String dev = Files.readString(ROOT.resolve("stacks/Pulumi.dev.yaml"));
        String bad = dev.replace("maxNodes: 3", "maxNodes: -3");
        assertNotEquals(dev, bad);
        Preview run = preview("bad", bad);
        try (StandInEngine engine = run.engine()) {
            List<Diagnostic> errors = engine.errors();
            assertEquals(1, errors.size(), errors + "\n" + run.output());
            assertTrue(errors.get(0).message().startsWith("stack bad config: argo-gke:nodePools[0].maxNodes"), errors.get(0).message());
            assertFalse(errors.get(0).message().contains("\n"), "one line");
            assertNotEquals(0, run.exit());
            assertFalse(run.output().contains("Exception") || run.output().contains("\tat "), "no stack trace:\n" + run.output());
            assertTrue(engine.registrations().stream().allMatch(r -> r.type().equals(StandInEngine.ROOT_STACK_TYPE)),
                    "nothing but the root stack is registered: " + engine.registrations());
            System.out.printf("preview bad: exit %d, error: %s%n", run.exit(), errors.get(0).message());
        }
    }

    /**
     * A stack that breaks a rule: the program runs once, and its preview fails with the rule's
     * words through the engine, so {@code pulumi up} stops before its update (e2e proves that on
     * the real engine: nothing is created).
     */
    @Test
    void aStackThatBreaksARuleFailsItsPreviewWithOneErrorPerViolation() throws Exception {
        String dev = Files.readString(ROOT.resolve("stacks/Pulumi.dev.yaml"));
        String open = dev.replace("privateNodes: true", "privateNodes: false");
        assertNotEquals(dev, open);
        Preview run = preview("open", open);
        try (StandInEngine engine = run.engine()) {
            List<String> errors = engine.errors().stream().map(Diagnostic::message).toList();
            // The rule's own sentence (policy.PrivateNodes), then what to do.
            assertEquals(List.of("policy private-nodes: gcp:container/cluster:Cluster cluster: nodes get public IP addresses; "
                            + "set argo-gke:cluster.privateNodes: true, or waive private-nodes in the stack file with a reason",
                    "nothing was created: fix the stack, or waive the rule in its stack file with a reason (bin/argo-gke check lists the rules)"),
                    errors, run.output());
            assertNotEquals(0, run.exit());
            assertTrue(engine.registrations().stream().filter(r -> r.type().equals("gcp:container/cluster:Cluster")).count() == 1,
                    "registered once: the program ran once, under this engine");
            assertFalse(run.output().contains("Exception") || run.output().contains("\tat "), "no stack trace:\n" + run.output());
        }
    }

    /** Runs the jar as the language host does, for a stack file the CLI has accepted. */
    private static Preview preview(String stack, String stackYaml) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            String why = JAR + " is not built (mvn -B verify builds it before this test)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why + ": skipping");
        }
        Project project = PulumiProjectRules.load(ROOT.resolve("Pulumi.yaml")).project().orElseThrow();
        // The committed stacks hold no secure: values; a stack that did would get this stand-in plaintext.
        StackConfig config = PulumiStackRules.apply(project, stack, stackYaml, ciphertext -> "stand-in-secret");
        assertEquals(List.of(), config.errors(), "the Pulumi CLI would not start the program");
        StandInEngine engine = new StandInEngine(stack, PROJECT);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", ROOT.relativize(JAR).toString())
                .directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_PROJECT", PROJECT);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_PWD", ROOT.toString());
        env.put("PULUMI_DRY_RUN", "true");
        env.put("PULUMI_PARALLEL", "16");
        env.put("PULUMI_CONFIG", GoJson.write(config.programConfig()));
        env.put("PULUMI_CONFIG_SECRET_KEYS", GoJson.write(List.copyOf(config.secretKeys())));
        Path log = Files.createTempFile("preview-" + stack, ".log");
        Process process = pb.redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            engine.close();
            fail("the program did not finish within 5 minutes:\n" + output(log));
        }
        return new Preview(process.exitValue(), output(log), engine);
    }

    private static String output(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
