package dev.argogke.workflows.manifest;

import dev.argogke.tree.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML manifest files into {@link Manifest}s with the position of every node.
 *
 * <p>SnakeYAML Engine is used (rather than Jackson's YAML module) because its node tree keeps a
 * start mark for every node, which is what lets findings say {@code file:line:col}.
 */
public final class ManifestLoader {
    private static final int MAX_DEPTH = 200;
    // Each tab SnakeYAML refuses where go-yaml reads white space costs one more pass over the file.
    private static final int MAX_TAB_FIXES = 100;
    // The booleans of YAML 1.1 beyond true/false, as go-yaml v2 resolves plain scalars (resolve.go).
    private static final Set<String> YAML11_BOOLEANS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");

    private ManifestLoader() {
    }

    /** All {@code .yaml}/{@code .yml} files under each path (a file or a folder), sorted, then loaded. */
    public static List<Manifest> loadAll(List<Path> paths) {
        List<Manifest> out = new ArrayList<>();
        for (Path file : manifestFiles(paths)) {
            out.addAll(load(file));
        }
        return out;
    }

    /** The YAML files a set of paths names: files as given, folders walked recursively, sorted. */
    public static List<Path> manifestFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ManifestLoader::isYaml).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new ManifestException(p, new SourcePosition(1, 1), "cannot read folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new ManifestException(p, new SourcePosition(1, 1), "no such file or folder");
            }
        }
        return files;
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Every non-empty document of one file. */
    public static List<Manifest> load(Path file) {
        return parse(file, readText(file));
    }

    /**
     * One file read as far as it can be: the documents before a syntax error are kept, and a
     * document that is not a mapping is reported without stopping the documents after it. For
     * tools that report every problem of a run (the linter) rather than stop at the first.
     */
    public static ManifestFile read(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        List<ManifestException> problems = new ArrayList<>();
        try {
            parseInto(file, readText(file), manifests, problems, false);
        } catch (ManifestException e) {
            problems.add(e);
        }
        return new ManifestFile(file, manifests, problems);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ManifestException(file, new SourcePosition(1, 1), "not UTF-8 text");
        } catch (IOException e) {
            throw new ManifestException(file, new SourcePosition(1, 1), "cannot read: " + e.getMessage());
        }
    }

    /** Every non-empty document of {@code text}, as if read from {@code file}. */
    public static List<Manifest> parse(Path file, String text) {
        List<Manifest> out = new ArrayList<>();
        parseInto(file, text, out, new ArrayList<>(), true);
        return out;
    }

    private static void parseInto(Path file, String text, List<Manifest> out, List<ManifestException> problems,
                                  boolean stopAtFirst) {
        GoYamlCharacters.check(file, text);
        int kept = out.size();
        int keptProblems = problems.size();
        String current = text;
        for (int attempt = 0; ; attempt++) {
            try {
                composeInto(file, current, out, problems, stopAtFirst);
                return;
            } catch (MarkedYamlEngineException e) {
                String fixed = attempt < MAX_TAB_FIXES ? GoYamlTabs.separatorTabAsSpace(current, e) : null;
                if (fixed == null) {
                    throw invalidYaml(file, e);
                }
                // Read again from the start with that tab as a space (same columns); drop what the failed pass added.
                out.subList(kept, out.size()).clear();
                problems.subList(keptProblems, problems.size()).clear();
                current = fixed;
            } catch (YamlEngineException e) {
                throw new ManifestException(file, new SourcePosition(1, 1),
                        "invalid YAML: " + e.getMessage().lines().findFirst().orElse("unreadable"));
            }
        }
    }

    private static ManifestException invalidYaml(Path file, MarkedYamlEngineException e) {
        SourcePosition pos = e.getProblemMark().or(e::getContextMark).map(ManifestLoader::position).orElse(new SourcePosition(1, 1));
        String problem = e.getProblem() == null ? e.getMessage().lines().findFirst().orElse("") : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return new ManifestException(file, pos, "invalid YAML: " + context + problem);
    }

    private static void composeInto(Path file, String text, List<Manifest> out, List<ManifestException> problems,
                                    boolean stopAtFirst) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .setUseMarks(true)
                // One buffer for the whole text: SnakeYAML Engine 2.10's reader fails when an emoji straddles
                // its default 1024-character buffer boundary (IndexOutOfBoundsException).
                .setBufferSize(text.length() + 1)
                .build();
        StandardConstructor constructor = new StandardConstructor(settings);
        int index = 0;
        GoYamlIndentTabs tabs = new GoYamlIndentTabs(text);
        for (Node node : new Compose(settings).composeAllFromString(text)) {
            int docIndex = index++;
            tabs.checkThrough(node).ifPresent(at -> {
                throw indentationTab(file, at);
            });
            if (node instanceof ScalarNode s && constructor.constructSingleDocument(Optional.of(s)) == null) {
                continue; // an empty document between separators
            }
            DocumentReader reader = new DocumentReader(file, constructor);
            Object value = reader.toJava(node, "", 0);
            if (!(value instanceof Map<?, ?> map)) {
                ManifestException problem = new ManifestException(file, position(node),
                        "document " + (docIndex + 1) + " is not a mapping (a Kubernetes object starts with apiVersion: and kind:)");
                if (stopAtFirst) {
                    throw problem;
                }
                problems.add(problem);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) map;
            out.add(new Manifest(file, docIndex, content, reader.positions()));
        }
        tabs.checkRest().ifPresent(at -> {
            throw indentationTab(file, at);
        });
    }

    private static ManifestException indentationTab(Path file, SourcePosition at) {
        return new ManifestException(file, at, "invalid YAML: a tab in the white space that starts the line; go-yaml, which"
                + " Argo and kubectl use, refuses it (\"found character that cannot start any token\"): use spaces, and no"
                + " tabs on blank lines");
    }

    /** Turns one document's node tree into Java values, noting where each node is and what Kubernetes reads differently. */
    private static final class DocumentReader {
        private final Path file;
        private final StandardConstructor constructor;
        private final Map<String, SourcePosition> positions = new HashMap<>();
        private final Set<String> yaml11Booleans = new HashSet<>();
        private final Map<String, SourcePosition> duplicateKeys = new HashMap<>();

        DocumentReader(Path file, StandardConstructor constructor) {
            this.file = file;
            this.constructor = constructor;
        }

        Positions positions() {
            return new Positions(Map.copyOf(positions), Set.copyOf(yaml11Booleans), Map.copyOf(duplicateKeys));
        }

        Object toJava(Node node, String path, int depth) {
            if (depth > MAX_DEPTH) {
                throw new ManifestException(file, position(node), "nesting deeper than " + MAX_DEPTH + " levels");
            }
            positions.putIfAbsent(path, position(node));
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, path, depth);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                int i = 0;
                for (Node item : sequence.getValue()) {
                    list.add(toJava(item, Tree.index(path, i++), depth + 1));
                }
                return list;
            }
            if (node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && YAML11_BOOLEANS.contains(s.getValue())) {
                yaml11Booleans.add(path);
            }
            return scalar(node);
        }

        private Map<String, Object> mapping(MappingNode mapping, String path, int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = scalar(tuple.getKeyNode());
                if (!(key instanceof String) && !(key instanceof Number) && !(key instanceof Boolean)) {
                    throw new ManifestException(file, position(tuple.getKeyNode()), "mapping keys must be plain scalars");
                }
                String k = String.valueOf(key);
                String childPath = Tree.join(path, k);
                if (map.containsKey(k)) {
                    // SnakeYAML checks duplicate keys when it constructs objects, not when it composes nodes; the
                    // later value wins here, and the linter reports the key (Positions#duplicateKeys).
                    duplicateKeys.putIfAbsent(childPath, positions.get(childPath));
                }
                positions.put(childPath, position(tuple.getKeyNode()));
                map.put(k, toJava(tuple.getValueNode(), childPath, depth + 1));
            }
            return map;
        }

        private Object scalar(Node node) {
            if (node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
                String escape = GoYamlEscapes.surrogateEscape(s);
                if (escape != null) {
                    // go-yaml (behind Argo and kubectl) refuses such an escape: "found invalid Unicode character escape code".
                    throw new ManifestException(file, position(node), "invalid YAML: the escape " + escape
                            + " is half of a UTF-16 surrogate pair, not a character; write the character itself (or \\U and 8 hex digits)");
                }
            }
            return ManifestLoader.scalar(node, constructor);
        }
    }

    /** A scalar's value; plain strings (most of a manifest) skip the constructor, which is slow per call. */
    private static Object scalar(Node node, StandardConstructor constructor) {
        if (node instanceof ScalarNode s && Tag.STR.equals(s.getTag())) {
            return s.getValue();
        }
        return constructor.constructSingleDocument(Optional.of(node));
    }

    private static SourcePosition position(Node node) {
        return node.getStartMark().map(ManifestLoader::position).orElse(new SourcePosition(1, 1));
    }

    private static SourcePosition position(Mark mark) {
        return new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
