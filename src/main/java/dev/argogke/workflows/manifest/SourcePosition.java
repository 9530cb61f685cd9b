package dev.argogke.workflows.manifest;

/** A 1-based line and column in a file. */
public record SourcePosition(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
