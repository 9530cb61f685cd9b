package dev.argogke.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.argogke.names.DidYouMean;
import dev.argogke.workflows.lint.SharedConformance;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the Pulumi CLI checks in {@code Pulumi.yaml} before it starts a program, carried over from
 * pulumi/pulumi at tag v3.259.0:
 * <ol>
 * <li>{@code sdk/go/common/workspace/loaders.go}, {@code LoadProjectBytes}: {@code ValidateProject}
 * (a non-empty string {@code name}, then the JSON schema {@code sdk/go/common/workspace/project.json}),
 * {@code RewriteConfigPathIntoStackConfigDir}, {@code RewriteShorthandConfigValues};</li>
 * <li>{@code sdk/go/common/workspace/project.go}, {@code (*Project).Validate}, with
 * {@code ValidateConfigValue} and {@code InferFullTypeName} for the types.</li>
 * </ol>
 * The CLI stops at the first error and visits config keys in Go's (random) map order; this
 * lists every error, keys sorted, each in the CLI's words.
 */
public final class PulumiProjectRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code ProjectConfigItemsType}: the type of a list's items. */
    public record ItemsType(String type, ItemsType items) {
    }

    /** {@code ProjectConfigType}: one declared config key. A YAML null default or value counts as none (Go's nil). */
    public record ConfigType(Optional<String> type, ItemsType items, String description, boolean secret,
                      Object defaultValue, Object value) {
        public boolean hasDefault() {
            return defaultValue != null;
        }

        public boolean hasValue() {
            return value != null;
        }
    }

    public record Project(String name, Map<String, ConfigType> config, String stackConfigDir) {
    }

    /** The project as the CLI would use it, or the errors it would refuse it with. */
    public record Loaded(Optional<Project> project, List<String> errors) {
    }

    private PulumiProjectRules() {
    }

    /** A project file checked with Pulumi's schema of it (../shared/conformance/pulumi/project.schema.json). */
    public static Loaded load(Path pulumiYaml) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(SharedConformance.pulumiProjectSchema())));
        return load(Files.readString(pulumiYaml), schema);
    }

    public static Loaded load(String yamlText, JsonSchema schema) {
        Object raw = new Load(LoadSettings.builder().build()).loadFromString(yamlText);
        if (!(raw instanceof Map<?, ?> map)) {
            return refused("expected project to be an object");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return refused("expected only string keys, got '" + key + "'");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> project = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> errors = validateProject(project, schema);
        if (!errors.isEmpty()) {
            return new Loaded(Optional.empty(), errors);
        }
        Object config = project.get("config");
        String stackConfigDir = (String) project.get("stackConfigDir");
        if (config instanceof String dir) {
            // RewriteConfigPathIntoStackConfigDir: the old spelling of stackConfigDir
            if (project.containsKey("stackConfigDir")) {
                return refused("Should not use both config and stackConfigDir to define the stack directory. "
                        + "Use only stackConfigDir instead.");
            }
            stackConfigDir = dir;
            config = null;
        }
        String name = (String) project.get("name");
        Map<String, ConfigType> declared = declarations(name, config);
        errors.addAll(validate(name, declared));
        return new Loaded(errors.isEmpty() ? Optional.of(new Project(name, declared, stackConfigDir)) : Optional.empty(), errors);
    }

    private static Loaded refused(String error) {
        return new Loaded(Optional.empty(), List.of(error));
    }

    /** {@code ValidateProject}: the name first (with a hint for a misspelt key), then the JSON schema. */
    public static List<String> validateProject(Map<String, Object> project, JsonSchema schema) {
        List<String> errors = new ArrayList<>();
        if (!project.containsKey("name")) {
            String closest = DidYouMean.closest("name", new TreeSet<>(project.keySet())).orElse(null);
            errors.add("project is missing a 'name' attribute" + (closest == null ? "" : "; found '" + closest + "' instead"));
            return errors;
        }
        if (!(project.get("name") instanceof String name) || name.isEmpty()) {
            errors.add("project is missing a non-empty string 'name' attribute");
            return errors;
        }
        for (ValidationMessage m : schema.validate(JSON.valueToTree(project))) {
            // The CLI's form, `#/config/size: <message>`; the messages are networknt's, not Go jsonschema's.
            StringBuilder at = new StringBuilder("#");
            for (int i = 0; i < m.getInstanceLocation().getNameCount(); i++) {
                at.append('/').append(m.getInstanceLocation().getElement(i));
            }
            errors.add(at + ": " + m.getError());
        }
        return errors;
    }

    /** {@code RewriteShorthandConfigValues}, then the declarations as {@code ProjectConfigType}. */
    private static Map<String, ConfigType> declarations(String projectName, Object config) {
        Map<String, ConfigType> out = new TreeMap<>();
        if (!(config instanceof Map<?, ?> entries)) {
            return out;
        }
        entries.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (isPrimitive(v) || v instanceof List<?>) {
                // `key: 3` is a default for the project's own keys and a value for another namespace's
                out.put(key, namespacedByProject(projectName, key)
                        ? new ConfigType(Optional.empty(), null, "", false, v, null)
                        : new ConfigType(Optional.empty(), null, "", false, null, v));
            } else if (v instanceof Map<?, ?> d) {
                out.put(key, new ConfigType(Optional.ofNullable((String) d.get("type")), items(d.get("items")),
                        d.get("description") == null ? "" : (String) d.get("description"),
                        Boolean.TRUE.equals(d.get("secret")), d.get("default"), d.get("value")));
            }
        });
        return out;
    }

    private static ItemsType items(Object raw) {
        return raw instanceof Map<?, ?> m ? new ItemsType((String) m.get("type"), items(m.get("items"))) : null;
    }

    /** {@code isPrimitiveValue}: string, int or bool (Go's int is 64 bits). */
    private static boolean isPrimitive(Object v) {
        return v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || (v instanceof BigInteger b && b.bitLength() < 64);
    }

    /** {@code configKeyIsNamespacedByProject}: no namespace, or the project's own. */
    public static boolean namespacedByProject(String projectName, String key) {
        return !key.contains(":") || key.startsWith(projectName + ":");
    }

    /** {@code (*Project).Validate}. */
    public static List<String> validate(String projectName, Map<String, ConfigType> config) {
        List<String> errors = new ArrayList<>();
        config.forEach((key, t) -> {
            if (t.hasDefault() && t.hasValue()) {
                errors.add("project config '" + key + "' cannot have both a 'default' and 'value' attribute");
            } else if (namespacedByProject(projectName, key)) {
                if (t.type().isPresent() && t.type().get().equals("array") && t.items() == null) {
                    errors.add("The configuration key '" + key + "' declares an array "
                            + "but does not specify the underlying type via the 'items' attribute");
                } else if (t.type().isPresent() && t.hasDefault() && !validValue(t.type().get(), t.items(), t.defaultValue())) {
                    errors.add("The default value specified for configuration key '" + key
                            + "' is not of the expected type '" + fullTypeName(t.type().get(), t.items()) + "'");
                }
            } else if (t.type().isPresent()) {
                errors.add("Configuration key '" + key + "' is not namespaced by the project and should not define a type");
            } else if (t.hasDefault()) {
                errors.add("Configuration key '" + key + "' is not namespaced by the project and "
                        + "should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?");
            } else if (!t.hasValue()) {
                errors.add("Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
            }
        });
        return errors;
    }

    /** {@code InferFullTypeName}: {@code array<array<string>>}. */
    public static String fullTypeName(String type, ItemsType items) {
        return items == null ? type : "array<" + fullTypeName(items.type(), items.items()) + ">";
    }

    /**
     * {@code ValidateConfigValue}: a string; an integer (whole number, or text that Go's Atoi
     * reads); a boolean (or the text true/false); an object (a mapping); otherwise a list whose
     * items all match {@code items}.
     */
    public static boolean validValue(String type, ItemsType items, Object value) {
        switch (type) {
            case "string":
                return value instanceof String;
            case "integer":
                return isPrimitive(value) && !(value instanceof String) && !(value instanceof Boolean)
                        || value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
                        || value instanceof String s && s.matches("[+-]?[0-9]+") && fitsInt64(s);
            case "boolean":
                return value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "object":
                return value instanceof Map<?, ?>;
            default:
                if (!(value instanceof List<?> list) || items == null) {
                    return false;
                }
                return list.stream().allMatch(item -> validValue(items.type(), items.items(), item));
        }
    }

    private static boolean fitsInt64(String s) {
        return new BigInteger(s.startsWith("+") ? s.substring(1) : s).bitLength() < 64;
    }
}
