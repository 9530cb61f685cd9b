package dev.argogke.migrate;

import dev.argogke.workflows.manifest.Positions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One CronJob to import, with where it came from so every message can point at it.
 *
 * @param file       the manifest file, or empty when the CronJob was read from a cluster
 * @param origin     how to name the source when there is no file position, e.g. {@code cluster context gke-dev}
 * @param content    the CronJob as plain Java values (maps, lists, strings, numbers, booleans)
 * @param positions  source positions of the file's document (empty for a cluster)
 * @param pathPrefix where the CronJob sits in that document: {@code ""}, or {@code items[2].} inside a {@code List}
 */
public record CronJobSource(Optional<Path> file, String origin, Map<String, Object> content, Positions positions,
                            String pathPrefix) {

    public static CronJobSource fromCluster(String origin, Map<String, Object> content) {
        return new CronJobSource(Optional.empty(), origin, content, new Positions(Map.of()), "");
    }

    /** {@code metadata.name}, or empty when missing. */
    public Optional<String> name() {
        return metadataString("name");
    }

    public Optional<String> namespace() {
        return metadataString("namespace");
    }

    private Optional<String> metadataString(String key) {
        if (content.get("metadata") instanceof Map<?, ?> m && m.get(key) instanceof String s && !s.isEmpty()) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** {@code CronJob etl/nightly} (or {@code CronJob nightly} without a namespace), as messages name it. */
    public String displayName() {
        return "CronJob " + qualifiedName();
    }

    /** {@code etl/nightly}, or {@code nightly} without a namespace. */
    public String qualifiedName() {
        String n = name().orElse("<no name>");
        return namespace().map(ns -> ns + "/" + n).orElse(n);
    }

    /** {@code file:line:col} of a field of this CronJob (its nearest present ancestor), or the origin. */
    public String where(String fieldPath) {
        if (file.isEmpty()) {
            return origin;
        }
        String path = fieldPath.isEmpty() && pathPrefix.endsWith(".")
                ? pathPrefix.substring(0, pathPrefix.length() - 1)
                : pathPrefix + fieldPath;
        return file.get() + ":" + positions.of(path);
    }
}
