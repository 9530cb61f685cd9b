package dev.argogke.workflows.manifest;

import dev.argogke.tree.Tree;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML document of a manifest file, as plain Java values (maps, lists, strings, numbers,
 * booleans, null), with the source position of every node so findings can point at a line.
 *
 * @param file          the file it came from
 * @param documentIndex 0-based index of the document within the file
 * @param content       the document's root mapping, insertion-ordered
 * @param positions     where each node starts; see {@link Positions}
 */
public record Manifest(Path file, int documentIndex, Map<String, Object> content, Positions positions) {

    public String apiVersion() {
        return content.get("apiVersion") instanceof String s ? s : null;
    }

    public String kind() {
        return Tree.string(content, "kind");
    }

    /** {@code metadata.name}, or empty when it is missing or not a string. */
    public Optional<String> name() {
        return Optional.ofNullable(Tree.string(content, "metadata.name"));
    }

    /** {@code Kind/name} as findings and errors show it, e.g. {@code CronWorkflow/nightly-etl}. */
    public String displayName() {
        String k = kind() == null ? "<no kind>" : kind();
        String n = name().or(() -> Optional.ofNullable(Tree.string(content, "metadata.generateName"))).orElse("<no name>");
        return k + "/" + n;
    }

    /** The position of the document's first line. */
    public SourcePosition start() {
        return positions.of("");
    }
}
