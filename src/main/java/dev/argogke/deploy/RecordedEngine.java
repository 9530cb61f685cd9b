package dev.argogke.deploy;

import com.pulumi.Config;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentImpl.DeploymentState;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.internal.PulumiInternal;
import dev.argogke.plan.RecordingMonitor;
import dev.argogke.plan.Registrations;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The Pulumi Java SDK started as {@code Pulumi.run} starts it under the Pulumi CLI, with one
 * difference: every request to the real engine's resource monitor passes through a
 * {@link RecordingMonitor}, so the rules can be checked on exactly what this run registered.
 *
 * <p>A port of the SDK's own start-up, pinned to com.pulumi:pulumi 1.36.1 (pom.xml): it follows
 * {@code DeploymentImpl.fromEnvironment} and {@code PulumiInternal.completeConfiguration}
 * (sdk/java/pulumi/src/main/java/com/pulumi/internal/PulumiInternal.java), which offer no hook for
 * the monitor. Only the monitor differs; the engine, config, logger and runner are the SDK's.
 * ArchitectureTest keeps Pulumi's mock engine ({@code com.pulumi.test}) out of this path.
 */
final class RecordedEngine {
    private final PulumiInternal pulumi;
    private final RecordingMonitor monitor;
    private final DeploymentState state;

    private RecordedEngine(PulumiInternal pulumi, RecordingMonitor monitor, DeploymentState state) {
        this.pulumi = pulumi;
        this.monitor = monitor;
        this.state = state;
    }

    /** Connects to the engine and monitor named by the language host's environment (PULUMI_MONITOR, ...). */
    static RecordedEngine fromEnvironment() {
        DeploymentState sdk = DeploymentState.fromEnvironment();
        RecordingMonitor monitor = new RecordingMonitor(sdk.monitor);
        DeploymentState state = new DeploymentState(sdk.config, quietLogger(),
                sdk.organizationName, sdk.projectName, sdk.stackName, sdk.rootDirectory, sdk.isDryRun, sdk.engine, monitor);
        DeploymentImpl deployment = new DeploymentImpl(state);
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));
        return new RecordedEngine(new PulumiInternal(deployment.getRunner(), context(deployment)), monitor, state);
    }

    /**
     * The SDK's java.util.logging logger, which echoes every error it sends the engine to stderr
     * (DeploymentImpl.DefaultEngineLogger), where Pulumi shows it a second time under the engine's
     * own line. The engine's diagnostics are the user's output; this logger keeps them once.
     */
    private static Logger quietLogger() {
        Logger logger = Logger.getLogger(RecordedEngine.class.getName() + ".sdk");
        logger.setUseParentHandlers(false);
        return logger;
    }

    private static ContextInternal context(DeploymentImpl deployment) {
        var instance = Deployment.getInstance();
        Function<String, Config> configFactory = name -> new Config(instance.getConfig(), name);
        return new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(), deployment.getStackName(),
                new LoggingContextInternal(deployment.getLog()),
                new ConfigContextInternal(deployment.getProjectName(), configFactory),
                new OutputContextInternal(new OutputFactory(deployment.getRunner())),
                List.of());
    }

    PulumiInternal pulumi() {
        return pulumi;
    }

    Registrations registrations() {
        return monitor.registrations();
    }

    /** The engine's own diagnostics, usable after the program's tasks have all completed. */
    EngineLogger log() {
        return state.logger;
    }

    boolean isPreview() {
        return state.isDryRun;
    }
}
