package dev.argogke.workflows.cron;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * e2e/oracles/cron-known-differences.txt: the places where our cron code answers differently from
 * robfig/cron v3.0.1 on purpose or because the two tz databases differ, each with the reason.
 * The cron oracle counts a disagreement as explained when one entry matches it; the format is
 * described at the top of that file.
 */
final class CronKnownDifferences {
    static final Path FILE = Path.of("e2e", "oracles", "cron-known-differences.txt");
    private static final Set<String> KEYS = Set.of("difference", "schedule", "zone", "instant", "go", "java", "why", "example");
    private static final Set<String> PATTERN_KEYS = Set.of("schedule", "zone", "instant", "go", "java");

    /** One block of the file. Patterns match the whole field; a missing one matches anything. */
    record Entry(String name, Map<String, Pattern> patterns, String why, List<String> examples) {
        boolean explains(CronOracleTriple t, String go, String java) {
            return matches("schedule", t.scheduleText()) && matches("zone", t.zone()) && matches("instant", t.instantText())
                    && matches("go", go) && matches("java", java);
        }

        boolean matches(String key, String value) {
            Pattern p = patterns.get(key);
            return p == null || p.matcher(value).matches();
        }
    }

    private final List<Entry> entries;

    private CronKnownDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> explain(CronOracleTriple t, String go, String java) {
        return entries.stream().filter(e -> e.explains(t, go, java)).findFirst();
    }

    static CronKnownDifferences read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> block = new ArrayList<>();
        int blockStart = 0;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    entries.add(entry(file, blockStart, block));
                    block.clear();
                }
                continue;
            }
            if (block.isEmpty()) {
                blockStart = i + 1;
            }
            block.add(line);
        }
        return new CronKnownDifferences(entries);
    }

    private static Entry entry(Path file, int lineNumber, List<String> block) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        String last = null;
        for (String line : block) {
            if (Character.isWhitespace(line.charAt(0)) && last != null) {
                values.put(last, values.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": unknown key in '" + line + "'; expected one of " + KEYS);
            }
            String value = line.substring(colon + 1).strip();
            if (key.equals("example")) {
                examples.add(value);
            } else {
                values.put(key, value);
            }
            last = key;
        }
        return entry(file, lineNumber, values, examples);
    }

    private static Entry entry(Path file, int lineNumber, Map<String, String> values, List<String> examples) {
        String where = file + ":" + lineNumber + ": ";
        if (!values.containsKey("difference") || !values.containsKey("why")) {
            throw new IllegalArgumentException(where + "each difference needs 'difference:' and 'why:'");
        }
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String key : PATTERN_KEYS) {
            if (values.containsKey(key)) {
                try {
                    patterns.put(key, Pattern.compile(values.get(key)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(where + key + ": " + e.getMessage());
                }
            }
        }
        return new Entry(values.get("difference"), patterns, values.get("why"), examples);
    }
}
