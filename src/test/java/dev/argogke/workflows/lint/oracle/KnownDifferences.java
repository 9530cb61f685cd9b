package dev.argogke.workflows.lint.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The classes of disagreement between the project's linter and {@code argo lint --offline} that are known and
 * explained, read from {@code e2e/oracles/lint-known-differences.txt}.
 *
 * <p>The file is blocks of {@code field: value} lines separated by blank lines; a line that starts with
 * white space continues the field above, and {@code #} starts a comment line. Each block has {@code class}
 * (an id), {@code argo} and {@code ours} (a verdict, then optionally a {@code /regular expression/}), optionally
 * {@code kind} (the class applies to documents of that kind only),
 * {@code argo says}, {@code we say}, {@code why}, and {@code example} (a file under the repository that shows
 * the difference).
 * Verdicts: argo {@code refused}, {@code unread} (logged as not valid YAML and skipped), {@code ignored} (dropped
 * without a word), {@code silent} (linted, no message); ours {@code refused}, {@code accepted}, {@code skipped}.
 * Our findings read {@code path: message}; argo's read {@code in "NAME": message}, or are the logged reason.
 */
public final class KnownDifferences {
    static final List<String> REQUIRED = List.of("class", "argo", "ours", "argo says", "we say", "why", "example");
    private static final Pattern VERDICT = Pattern.compile("(\\w+)(?:\\s+/(.*)/)?");
    private static final Pattern FIELD = Pattern.compile("([a-z][a-z ]*[a-z]):\\s*(.*)");

    /** One class of explained disagreement. */
    public record Entry(String id, Verdicts.Argo argo, Pattern argoPattern, Verdicts.Ours ours, Pattern ourPattern,
                        String kind, Map<String, String> fields) {

        boolean verdictsMatch(Verdicts.Unit u) {
            return u.argo() == argo && u.ours() == ours && (kind.isEmpty() || kind.equals(u.kind()));
        }

        boolean ourMatch(String finding) {
            return ourPattern == null || ourPattern.matcher(finding).find();
        }

        boolean argoMatch(String message) {
            return argoPattern == null || argoPattern.matcher(message).find();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private final List<Entry> entries;

    KnownDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public static KnownDifferences read(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the known differences " + file, e);
        }
    }

    static KnownDifferences parse(String source, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        String last = null;
        int blockLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    entries.add(entry(source + ":" + blockLine, block));
                    block = new LinkedHashMap<>();
                }
                last = null;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && last != null) {
                block.merge(last, "\n" + line.strip(), String::concat);
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'field: value', got: " + line);
            }
            if (block.isEmpty()) {
                blockLine = i + 1;
            }
            last = m.group(1);
            block.put(last, m.group(2));
        }
        return new KnownDifferences(entries);
    }

    private static Entry entry(String where, Map<String, String> block) {
        for (String field : REQUIRED) {
            if (block.getOrDefault(field, "").isBlank()) {
                throw new IllegalArgumentException(where + ": the block needs '" + field + ":'");
            }
        }
        Matcher argo = verdict(where, block.get("argo"));
        Matcher ours = verdict(where, block.get("ours"));
        try {
            return new Entry(block.get("class"), Verdicts.Argo.valueOf(argo.group(1).toUpperCase(Locale.ROOT)), pattern(argo.group(2)),
                    Verdicts.Ours.valueOf(ours.group(1).toUpperCase(Locale.ROOT)), pattern(ours.group(2)),
                    block.getOrDefault("kind", "").strip(), Map.copyOf(block));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (class " + block.get("class") + "): " + e.getMessage(), e);
        }
    }

    private static Matcher verdict(String where, String value) {
        Matcher m = VERDICT.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": expected 'VERDICT' or 'VERDICT /regex/', got: " + value);
        }
        return m;
    }

    private static Pattern pattern(String regex) {
        try {
            return regex == null ? null : Pattern.compile(regex, Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression: " + e.getMessage(), e);
        }
    }

    /**
     * The classes that explain a disagreement, joined by {@code +}, or null when it is not explained.
     * <ul>
     * <li>We refuse, argo linted the document and said nothing: every one of our errors must be matched by a class,
     *     so that a second, unknown problem in the same document is not hidden by a known one.</li>
     * <li>Argo refuses and we do not: every one of argo's problems must be matched.</li>
     * <li>Argo did not read or lint the document (unread, ignored): it checked nothing, so one of our errors must
     *     name the reason it gives (or, for a kind it never lints, the class names the kind).</li>
     * </ul>
     */
    String explain(Verdicts.Unit u) {
        List<Entry> candidates = entries.stream().filter(e -> e.verdictsMatch(u)).toList();
        // A class marked "explains: document" says argo read nothing of the document: one matching finding explains it all.
        Entry whole = candidates.stream().filter(c -> "document".equals(c.fields().get("explains")))
                .filter(c -> c.ourPattern() != null && u.ourFindings().stream().anyMatch(c::ourMatch)).findFirst().orElse(null);
        if (whole != null) {
            return whole.id();
        }
        boolean argoRead = u.argo() == Verdicts.Argo.SILENT || u.argo() == Verdicts.Argo.REFUSED;
        if (u.ours() == Verdicts.Ours.REFUSED && argoRead || u.argo() == Verdicts.Argo.REFUSED) {
            boolean oursRefused = u.ours() == Verdicts.Ours.REFUSED;
            TreeSet<String> used = new TreeSet<>();
            List<String> items = oursRefused ? u.ourFindings() : argoItems(u.argoSays());
            for (String item : items) {
                Entry e = candidates.stream().filter(c -> oursRefused
                        ? c.ourMatch(item) && (c.argoPattern() == null || u.argoSays().stream().anyMatch(c::argoMatch))
                        : c.argoMatch(item) && (c.ourPattern() == null || u.ourFindings().stream().anyMatch(c::ourMatch)))
                        .findFirst().orElse(null);
                if (e == null) {
                    return null;
                }
                used.add(e.id());
            }
            return used.isEmpty() ? null : String.join("+", used);
        }
        return candidates.stream()
                .filter(c -> c.argoPattern() == null || u.argoSays().stream().anyMatch(c::argoMatch))
                .filter(c -> c.ourPattern() == null || u.ourFindings().stream().anyMatch(c::ourMatch))
                .map(Entry::id).findFirst().orElse(null);
    }

    /** Argo joins the unknown fields of one document into one message; each is a problem of its own. */
    static List<String> argoItems(List<String> says) {
        List<String> items = new ArrayList<>();
        for (String s : says) {
            items.addAll(List.of(s.split(", (?=unknown field \"|duplicate field \")")));
        }
        return items;
    }
}
