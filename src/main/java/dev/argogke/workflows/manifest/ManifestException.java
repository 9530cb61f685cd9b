package dev.argogke.workflows.manifest;

import dev.argogke.UserError;
import java.nio.file.Path;

/** A manifest file that cannot be read or parsed as YAML; the message starts with {@code file:line:col}. */
public final class ManifestException extends UserError {
    private final Path file;
    private final SourcePosition position;
    private final String problem;

    public ManifestException(Path file, SourcePosition position, String problem) {
        this(file, position, oneLine(problem), true);
    }

    private ManifestException(Path file, SourcePosition position, String problem, boolean oneLine) {
        super(file + ":" + position + ": error: " + problem);
        this.file = file;
        this.position = position;
        this.problem = problem;
    }

    /** SnakeYAML's problem texts (and the values they quote) can span lines; an error is one line. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** What is wrong, without the {@code file:line:col: error:} prefix. */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    public SourcePosition position() {
        return position;
    }
}
