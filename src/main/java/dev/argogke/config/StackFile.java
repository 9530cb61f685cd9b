package dev.argogke.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A Pulumi stack file ({@code stacks/Pulumi.<stack>.yaml}) read without the Pulumi CLI, for the
 * offline plan, cost and policy checks. Values become what Pulumi would hand the program: scalars
 * as text, structured values as JSON. Encrypted ({@code secure:}) values cannot be decrypted here;
 * they stand in as a placeholder and are marked secret.
 */
public final class StackFile extends ConfigValues {
    /** What an encrypted value reads as offline. */
    public static final String SECRET_PLACEHOLDER = "[secret]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    private StackFile(Path path, String stack, Map<String, String> values, Set<String> secretKeys) {
        super(stack, values, secretKeys);
        this.path = path;
    }

    /** {@code <stacksDir>/Pulumi.<stack>.yaml}. */
    public static StackFile forStack(Path stacksDir, String stack) {
        Path file = stacksDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such stack file; stacks here: " + String.join(", ", stacksIn(stacksDir))
                    + " (create one with `pulumi stack init " + stack + "`)");
        }
        return read(file);
    }

    /** The stack names that have a file in {@code stacksDir}. */
    public static List<String> stacksIn(Path stacksDir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(stacksDir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().forEach(names::add);
        } catch (IOException e) {
            // no folder: no stacks
        }
        return names;
    }

    /** Any stack file; the stack name is taken from {@code Pulumi.<stack>.yaml}, else from the file name. */
    public static StackFile read(Path file) {
        String name = file.getFileName().toString();
        String stack = name.startsWith("Pulumi.") && name.endsWith(".yaml")
                ? name.substring("Pulumi.".length(), name.length() - ".yaml".length())
                : name.replaceFirst("\\.ya?ml$", "");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such stack file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        Object root;
        try {
            // The whole text in one buffer: SnakeYAML Engine 2.10's reader throws IndexOutOfBoundsException when a
            // character outside the BMP (an emoji) straddles its 1024-character buffer boundary.
            root = new Load(LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(20)
                    .setBufferSize(text.length() + 1).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
            throw new UserError(file + where + ": invalid YAML: " + (e.getProblem() == null ? "unreadable" : oneLine(e.getProblem())));
        } catch (YamlEngineException e) {
            // SnakeYAML Engine 2.10 constructs a standard tag's value (!!str, !!int) from a scalar only, and fails with a
            // ClassCastException, unmarked, when the tag is on a mapping or a list.
            throw new UserError(file + ": invalid YAML: " + (e.getCause() instanceof ClassCastException
                    ? "a tag such as !!str or !!int is on a mapping or a list; remove the tag"
                    : e.getMessage().lines().findFirst().orElse("unreadable")));
        }
        if (root == null) {
            return new StackFile(file, stack, Map.of(), Set.of());
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new UserError(file + ": must be a mapping with a `config:` section");
        }
        Object config = top.get("config");
        if (config == null) {
            return new StackFile(file, stack, Map.of(), Set.of());
        }
        if (!(config instanceof Map<?, ?> entries)) {
            throw new UserError(file + ": `config:` must be a mapping of keys such as argo-gke:cluster");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.contains(":")) {
                key = SettingsLoader.PROJECT + ":" + key;
            }
            boolean[] secret = {false};
            Object value = unwrapSecrets(file, key, e.getValue(), secret, 0);
            if (secret[0]) {
                secrets.add(key);
            }
            values.put(key, toConfigText(file, key, value));
        }
        return new StackFile(file, stack, Map.copyOf(values), Set.copyOf(secrets));
    }

    /**
     * Nesting deeper than this is either a mistake or an alias that contains itself
     * ({@code a: &a [*a]}), which SnakeYAML builds as a cyclic structure: stop it before it recurses forever.
     */
    static final int MAX_DEPTH = 64;

    private static Object unwrapSecrets(Path file, String key, Object value, boolean[] secret, int depth) {
        if (depth > MAX_DEPTH && (value instanceof Map<?, ?> || value instanceof List<?>)) {
            throw new UserError(file + ": " + key + ": nested more than " + MAX_DEPTH
                    + " levels deep, or an alias (*name) inside its own anchor (&name); write the value out");
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                secret[0] = true;
                return SECRET_PLACEHOLDER;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), unwrapSecrets(file, key, v, secret, depth + 1)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(unwrapSecrets(file, key, v, secret, depth + 1)));
            return out;
        }
        return value;
    }

    /** SnakeYAML's problem texts can span lines; an error is one line. */
    private static String oneLine(String problem) {
        return problem.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String toConfigText(Path file, String key, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new UserError(file + ": " + key + ": cannot be represented as config: " + e.getOriginalMessage());
            }
        }
        if (value instanceof byte[]) {
            throw new UserError(file + ": " + key + ": binary values are not supported; use text");
        }
        return String.valueOf(value);
    }

    public Path path() {
        return path;
    }

    @Override
    public String origin() {
        return path.toString();
    }
}
