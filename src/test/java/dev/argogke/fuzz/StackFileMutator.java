package dev.argogke.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Makes stack files (or workflow manifests) from real ones: structural mutations of their config (a value
 * replaced by one of the wrong type, a key removed, renamed or added, lists emptied or flooded),
 * text mutations (lines lost, duplicated, re-indented, YAML oddities inserted, the file cut short,
 * bytes that are not UTF-8), and now and then a file of pure garbage.
 */
final class StackFileMutator {
    static final List<String> YAML_ODDITIES = List.of("&a", "*a", "<<: *a", "!!binary ZGV2", "? [a, b]\n: c", "\t", "---", "...",
            "%YAML 1.1", "key: [unclosed", "key: {a: 1", "'unterminated", "\"\\u12\"", "- -", ": :", "!foo bar", "|-", ">", "@x",
            "`x`", "key: !!int abc", "key: !!float x", "key: 0x1F", "key: 0o17", "key: 1_000", "key: .inf", "key: -.inf", "key: .nan",
            "key: ~", "key: 2001-12-14", "x: &anchor\n  y: *anchor", "a: &a [*a]", "? ", "- ? x", "!!map", "!!str", "&x !!seq []",
            "argo-gke:cluster: &c {location: europe-west1-b}\n  argo-gke:cluster2: *c", "\"\\x00\"", "key: \"\\uD800\"",
            "argo-gke:edge:\n    host: a\n    host: b", "{{ template }}", "# only a comment");

    private final FuzzValues values;
    private final List<Map<String, Object>> seeds;
    private final List<String> seedTexts;
    private final String focus;

    /** Stack files: mutations go under {@code config:}. */
    StackFileMutator(FuzzValues values, List<String> seedTexts) {
        this(values, seedTexts, "config");
    }

    /**
     * @param focus the top-level key whose value the structural mutations change, or null for the
     *              whole document (manifests)
     */
    @SuppressWarnings("unchecked")
    StackFileMutator(FuzzValues values, List<String> seedTexts, String focus) {
        this.values = values;
        this.seedTexts = seedTexts;
        this.focus = focus;
        this.seeds = new ArrayList<>();
        for (String text : seedTexts) {
            try {
                for (Object doc : new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadAllFromString(text)) {
                    if (doc instanceof Map<?, ?> map) {
                        seeds.add((Map<String, Object>) map);
                    }
                }
            } catch (RuntimeException e) {
                // A seed that is not valid YAML (a linter case) is still mutated as text.
            }
        }
    }

    /** The bytes of one generated stack file. */
    byte[] next() {
        int kind = values.nextInt(100);
        if (kind < 65) {
            return structural().getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 92) {
            return textual(values.chance(50) ? values.pick(seedTexts) : structural());
        }
        if (kind < 97) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put(focus == null ? values.pick(FuzzValues.KEYS) : focus, values.value(4));
            return dump(root).getBytes(StandardCharsets.UTF_8);
        }
        return dump(values.value(4)).getBytes(StandardCharsets.UTF_8);
    }

    private String structural() {
        Map<String, Object> root = deepCopy(values.pick(seeds));
        @SuppressWarnings("unchecked")
        Map<Object, Object> target = focus == null ? (Map<Object, Object>) (Map<?, ?>) root
                : (Map<Object, Object>) (Map<?, ?>) root.get(focus);
        int mutations = 1 + values.nextInt(values.chance(20) ? 8 : 3);
        for (int i = 0; i < mutations; i++) {
            mutate(target);
        }
        if (values.chance(2)) {
            root.put(focus == null ? "spec" : focus, values.value(2));
        }
        return dump(root);
    }

    /** One mutation somewhere in the tree under {@code node}. */
    @SuppressWarnings("unchecked")
    private void mutate(Map<Object, Object> map) {
        if (map.isEmpty() || values.chance(10)) {
            map.put(values.chance(50) ? "argo-gke:" + values.pick(FuzzValues.KEYS) : values.text(), values.value(2));
            return;
        }
        List<Object> keys = new ArrayList<>(map.keySet());
        Object key = values.pick(keys);
        Object child = map.get(key);
        boolean descend = (child instanceof Map || child instanceof List) && values.chance(65);
        if (descend && child instanceof Map<?, ?> m) {
            mutate((Map<Object, Object>) m);
            return;
        }
        if (descend && child instanceof List<?> l && !l.isEmpty()) {
            List<Object> list = (List<Object>) l;
            int i = values.nextInt(list.size());
            Object item = list.get(i);
            if (item instanceof Map<?, ?> m && values.chance(80)) {
                mutate((Map<Object, Object>) m);
            } else {
                switch (values.nextInt(4)) {
                    case 0 -> list.remove(i);
                    case 1 -> list.add(deepCopyValue(item));
                    case 2 -> list.set(i, values.valueFor(name(key)));
                    default -> list.clear();
                }
            }
            return;
        }
        switch (values.nextInt(6)) {
            case 0 -> map.remove(key);
            case 1 -> {
                Object v = map.remove(key);
                map.put(typo(String.valueOf(key)), v);
            }
            case 2 -> {
                Map<Object, Object> secure = new LinkedHashMap<>();
                secure.put("secure", child);
                map.put(key, secure);
            }
            default -> map.put(key, values.valueFor(name(key)));
        }
    }

    private static String name(Object key) {
        String k = String.valueOf(key);
        return k.substring(k.indexOf(':') + 1);
    }

    private String typo(String key) {
        if (key.isEmpty()) {
            return "x";
        }
        char[] c = key.toCharArray();
        int i = values.nextInt(c.length);
        return switch (values.nextInt(4)) {
            case 0 -> key.substring(0, i) + key.substring(i + 1);
            case 1 -> key.toUpperCase();
            case 2 -> key + "s";
            default -> {
                c[i] = (char) ('a' + values.nextInt(26));
                yield new String(c);
            }
        };
    }

    private byte[] textual(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int mutations = 1 + values.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int i = values.nextInt(lines.size());
            switch (values.nextInt(9)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> lines.set(i, " ".repeat(values.nextInt(7)) + lines.get(i).strip());
                case 3 -> lines.add(i, " ".repeat(values.nextInt(7)) + values.pick(YAML_ODDITIES));
                case 4 -> lines.set(i, lines.get(i) + " " + values.pick(YAML_ODDITIES));
                case 5 -> lines.set(i, lines.get(i).replace(":", values.chance(50) ? "" : ": :"));
                case 6 -> lines.set(i, lines.get(i).replace(" ", "\t"));
                case 7 -> lines.add(i, values.text());
                default -> lines.set(i, lines.get(i) + values.text());
            }
        }
        String joined = String.join(values.chance(10) ? "\r\n" : "\n", lines);
        byte[] bytes = ((values.chance(3) ? "\uFEFF" : "") + joined).getBytes(StandardCharsets.UTF_8);
        if (values.chance(8)) {
            bytes = Arrays.copyOf(bytes, values.nextInt(bytes.length + 1));
        }
        if (values.chance(4) && bytes.length > 0) {
            bytes[values.nextInt(bytes.length)] = (byte) (0x80 + values.nextInt(0x80));
        }
        return bytes;
    }

    private static String dump(Object root) {
        return new Dump(DumpSettings.builder().build()).dumpToString(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        return (Map<String, Object>) deepCopyValue(map);
    }

    private static Object deepCopyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, deepCopyValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(deepCopyValue(x)));
            return out;
        }
        return v;
    }
}
