package dev.argogke.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import net.jqwik.engine.execution.lifecycle.CurrentTestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The mutated workflow manifests of {@link WorkflowFuzzTest} (the repository's workflows and the
 * linter's invalid cases, mutated by {@link StackFileMutator}), written to a folder as
 * {@code case-00000.yaml}... so that another tool (the real {@code argo lint}) can read the same
 * inputs. The same seed gives the same files.
 *
 * <p>{@code java ... dev.argogke.fuzz.MutatedManifests ROOT OUT_DIR COUNT SEED}
 */
public final class MutatedManifests {
    private MutatedManifests() {
    }

    /** The seed corpus: {@code workflows/} and {@code src/test/resources/lint/invalid/}, file by file, sorted. */
    static List<String> seedTexts(Path root) throws IOException {
        List<String> seeds = new ArrayList<>();
        for (Path folder : List.of(root.resolve("workflows"), root.resolve("src/test/resources/lint/invalid"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    seeds.add(Files.readString(f));
                }
            }
        }
        return seeds;
    }

    /**
     * Writes {@code count} mutated manifests made from {@code seed} into {@code out}; returns their paths in order.
     * jqwik's generators insist on running on a jqwik thread, so outside a jqwik test this runs them under
     * a stand-in descriptor, which gives them the store they memoize into.
     */
    public static List<Path> write(Path root, Path out, int count, long seed) {
        AtomicReference<List<Path>> written = new AtomicReference<>();
        CurrentTestDescriptor.runWithDescriptor(new EngineDescriptor(UniqueId.forEngine("mutated-manifests"), "mutated manifests"), () -> {
            written.set(generate(root, out, count, seed));
            return null;
        });
        return written.get();
    }

    private static List<Path> generate(Path root, Path out, int count, long seed) {
        try {
            Files.createDirectories(out);
            StackFileMutator mutator = new StackFileMutator(new FuzzValues(new Random(seed)), seedTexts(root), null);
            List<Path> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Path file = out.resolve(String.format("case-%05d.yaml", i));
                Files.write(file, mutator.next());
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: MutatedManifests ROOT OUT_DIR COUNT SEED");
            System.exit(2);
        }
        List<Path> files = write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
        System.out.println("mutated manifests: " + files.size() + " files (seed " + args[3] + ") in " + args[1]);
    }
}
