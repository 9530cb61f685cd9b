package dev.argogke;

import java.nio.file.Path;

/**
 * The project folder: where {@code Pulumi.yaml}, {@code stacks/} and {@code workflows/} are. An
 * entry point finds it once ({@link #ofEntryPoint}) and hands it to whatever needs it; nothing
 * else looks it up.
 */
public final class ProjectRoot {
    /**
     * The system property that names the folder: {@code bin/argo-gke} sets it to its checkout and
     * {@code .github/scripts/preview-diff.sh} to the pull request's data folder, so the commands work
     * from any working directory.
     */
    public static final String PROPERTY = "argogke.root";

    private ProjectRoot() {
    }

    /**
     * For entry points only ({@code App.main}, {@code cli.Main.main}): {@code -Dargogke.root} when
     * set, else the working directory, which is where the Pulumi CLI runs the program (the folder
     * of {@code Pulumi.yaml}).
     */
    public static Path ofEntryPoint() {
        return of(System.getProperty(PROPERTY));
    }

    /** {@code folder}, or the working directory when null; absolute, so messages name it in full. */
    public static Path of(String folder) {
        return Path.of(folder == null ? "." : folder).toAbsolutePath().normalize();
    }
}
