package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Argo conformance material is: {@code ../shared/conformance} beside the checkout (the
 * POM passes it as the system property {@code argogke.shared}). A user's clone does not have it:
 * then the tests that need it are skipped, except under {@code CI=true}, where its absence fails.
 */
public final class SharedConformance {
    private SharedConformance() {
    }

    static Path folder() {
        String shared = System.getProperty("argogke.shared", "../shared");
        Path folder = Path.of(shared, "conformance");
        if (!Files.isDirectory(folder.resolve("argo-examples"))) {
            String why = "the Argo conformance material is not at " + folder.toAbsolutePath().normalize();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true requires it)");
            }
            assumeTrue(false, why + ": skipping the conformance tests");
        }
        return folder;
    }

    static Path examples() {
        return folder().resolve("argo-examples");
    }

    static Path schema() {
        return folder().resolve("argo-workflows.schema.json");
    }

    /** Pulumi's JSON schema of Pulumi.yaml (pulumi/pulumi sdk/go/common/workspace/project.json), skipped or failed like the rest. */
    public static Path pulumiProjectSchema() {
        return folder().resolve("pulumi/project.schema.json");
    }
}
