package dev.argogke.workflows.lint;

import dev.argogke.testing.Shared;
import java.nio.file.Path;

/**
 * Where the Argo conformance material is: {@code ../shared/conformance} beside the checkout (the
 * POM passes it as the system property {@code argogke.shared}); see {@link Shared}.
 */
public final class SharedConformance {
    private SharedConformance() {
    }

    static Path folder() {
        return Shared.folder("conformance", "argo-examples", "the Argo conformance material");
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
