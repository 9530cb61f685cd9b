package dev.argogke.workflows.lint.oracle;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the real {@code argo lint --offline} said about one file.
 *
 * @param file    the file
 * @param errors  its error lines, by the object name and kind argo printed ({@code name (Kind)}, the name
 *                being {@code metadata.name}, else {@code generateName}, else {@code object #N}); in file order
 * @param unread  the documents argo logged as {@code yaml file is not valid} and skipped (the logged reason)
 * @param abort   the whole run failed on this file before linting (argo's offline template index could not
 *                parse it: {@code failed to parse YAML from file ...}), or null
 */
public record ArgoAnswer(Path file, Map<String, List<String>> errors, List<String> unread, String abort) {

    static ArgoAnswer aborted(Path file, String message) {
        return new ArgoAnswer(file, Map.of(), List.of(), message);
    }

    boolean refused() {
        return abort != null || !errors.isEmpty();
    }
}
