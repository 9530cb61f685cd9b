package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever shape a document has, the linter reports findings and never fails with an exception
 * (which the user would see as a stack trace). Valid and invalid fixtures are damaged at random:
 * values replaced by nulls, lists, mappings, numbers, odd strings.
 */
class MalformedInputPropertyTest {
    private static final Object[] REPLACEMENTS = {null, "", 0, -1, 3.5, true, "yes", List.of(), Map.of(), "{{", "}}{{x",
            "a..b", "A.", "(", "{{tasks.}}", "{{inputs.parameters.}}", List.of(List.of()), Map.of("a", 1),
            BigInteger.TEN.pow(30)};
    private static final List<Manifest> FIXTURES = fixtures();

    @Property(tries = 300)
    void theLinterNeverThrowsWhateverTheShapeOfTheDocuments(@ForAll long seed) {
        assertTrue(FIXTURES.size() > 10, "documents to damage: " + FIXTURES.size());
        Random random = new Random(seed);
        List<Manifest> damaged = new ArrayList<>();
        for (Manifest m : FIXTURES) {
            Object content = copy(m.content());
            List<Object[]> slots = new ArrayList<>();
            slots(content, slots);
            for (int i = 0; i < 4 && !slots.isEmpty(); i++) {
                Object[] slot = slots.get(random.nextInt(slots.size()));
                set(slot, copy(REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) content;
            damaged.add(new Manifest(m.file(), m.documentIndex(), root, m.positions()));
        }
        Linter.lintManifests(damaged);
    }

    private static List<Manifest> fixtures() {
        try {
            Path invalid = Path.of(MalformedInputPropertyTest.class.getResource("/lint/invalid").toURI());
            List<Manifest> all = new ArrayList<>();
            for (Path file : ManifestLoader.manifestFiles(List.of(invalid, Path.of("workflows")))) {
                all.addAll(ManifestLoader.read(file).manifests());
            }
            return all;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(String.valueOf(k), copy(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return o;
    }

    private static void slots(Object o, List<Object[]> out) {
        if (o instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                out.add(new Object[] {m, k});
                slots(m.get(k), out);
            }
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new Object[] {l, i});
                slots(l.get(i), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Object[] slot, Object value) {
        if (slot[0] instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put((String) slot[1], value);
        } else {
            ((List<Object>) slot[0]).set((Integer) slot[1], value);
        }
    }
}
