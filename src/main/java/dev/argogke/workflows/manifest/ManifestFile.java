package dev.argogke.workflows.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * A manifest file read as far as it could be.
 *
 * @param file      the file
 * @param manifests its documents that could be read
 * @param problems  why the rest could not (a syntax error ends the file; a document that is not a
 *                  mapping is skipped), in file order; empty when the whole file was read
 */
public record ManifestFile(Path file, List<Manifest> manifests, List<ManifestException> problems) {
    public ManifestFile {
        manifests = List.copyOf(manifests);
        problems = List.copyOf(problems);
    }
}
