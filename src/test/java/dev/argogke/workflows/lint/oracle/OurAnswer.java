package dev.argogke.workflows.lint.oracle;

import dev.argogke.workflows.lint.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * What the project's linter said about one file.
 *
 * @param file      the file
 * @param documents its documents, in file order
 * @param fileLevel findings about the file rather than a document (invalid YAML, a document that is not a mapping)
 */
public record OurAnswer(Path file, List<Document> documents, List<Finding> fileLevel) {

    /**
     * One document.
     *
     * @param key      the name argo prints for it: {@code metadata.name}, else {@code generateName}, else
     *                 {@code object #N} (cmd/argo/lint/lint.go getObjectName)
     * @param kind     its kind, or empty when it has none we can read
     * @param findings its findings
     */
    public record Document(String key, String kind, List<Finding> findings) {
    }
}
