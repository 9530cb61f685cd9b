package dev.argogke.config;

import dev.argogke.config.PulumiProjectRules.ConfigType;
import dev.argogke.config.PulumiProjectRules.Project;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the Pulumi CLI does with a stack file ({@code Pulumi.<stack>.yaml}) before it runs the
 * program, and the config it then hands the language host; carried over from pulumi/pulumi at
 * tag v3.259.0:
 * <ul>
 * <li>{@code sdk/go/common/workspace/loaders.go}, {@code LoadProjectStackBytes}: keys without a
 * namespace get the project's; {@code checkForEmptyConfig} warns of keys without a value;</li>
 * <li>{@code sdk/go/common/resource/config/key.go}, {@code ParseKey}: {@code <namespace>:<name>}
 * (or the old {@code <namespace>:config:<name>});</li>
 * <li>{@code pkg/workspace/config.go}, {@code ValidateStackConfigAndApplyProjectConfig} ({@code mergeConfig}):
 * a key of the project declared without default or value must be set in the stack; declared
 * defaults and values fill in what the stack does not set (whole keys, no deep merge); then, for
 * explicitly typed keys only ({@code validateStackConfigValues}), a secret key must be stored
 * encrypted and the value must be of its type. Untyped keys are not checked at all.</li>
 * <li>{@code sdk/go/common/resource/config/map.go} {@code Decrypt} and {@code plaintext.go}
 * {@code marshalText}: what the program gets per key: text as it is, anything else as Go's
 * JSON; {@code SecureKeys}: the keys whose value holds an encrypted part.</li>
 * </ul>
 * Like the CLI, it stops type checks when keys are missing; unlike it, it lists every type error.
 */
public final class PulumiStackRules {

    /** An encrypted ({@code secure:}) string in a stack file. */
    public record Ciphertext(String text) {
    }

    /** One stack value ({@code config.Value}): the tree, and whether the CLI stores it as an object. */
    public record StackValue(Object tree, boolean object) {
        public boolean secure() {
            return containsCiphertext(tree);
        }
    }

    /**
     * @param programConfig what the language host receives: every key with its decrypted text
     * @param secretKeys    the keys whose values are secret
     */
    public record StackConfig(List<String> errors, List<String> warnings, Map<String, String> programConfig, Set<String> secretKeys) {
    }

    private PulumiStackRules() {
    }

    /**
     * @param decrypt the plaintext of a {@code secure:} value (tests have no key: a stand-in)
     */
    public static StackConfig apply(Project project, String stackName, String stackYaml, UnaryOperator<String> decrypt) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, StackValue> stack = read(project.name(), stackYaml, errors, warnings);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, ConfigType> declared : project.config().entrySet()) {
            String key = fullKey(project.name(), declared.getKey(), errors);
            ConfigType t = declared.getValue();
            if (key == null || stack.containsKey(key)) {
                continue;
            }
            if (t.hasDefault() || t.hasValue()) {
                stack.put(key, configValue(t.hasDefault() ? t.defaultValue() : t.value()));
            } else if (key.startsWith(project.name() + ":")) {
                missing.add(declared.getKey());
            }
        }
        if (!missing.isEmpty()) {
            errors.add("Stack '" + stackName + "' is missing configuration value" + (missing.size() > 1 ? "s " : " ") + formatMissing(missing));
        } else {
            checkTypes(project, stackName, stack, decrypt, errors);
        }
        Map<String, String> program = new TreeMap<>();
        Set<String> secrets = new TreeSet<>();
        stack.forEach((key, value) -> {
            program.put(key, text(value, decrypt));
            if (value.secure()) {
                secrets.add(key);
            }
        });
        return new StackConfig(errors, warnings, program, secrets);
    }

    /** {@code validateStackConfigValues}: explicitly typed keys only, in key order. */
    private static void checkTypes(Project project, String stackName, Map<String, StackValue> stack,
                                   UnaryOperator<String> decrypt, List<String> errors) {
        project.config().forEach((declaredKey, t) -> {
            StackValue value = stack.get(fullKey(project.name(), declaredKey, new ArrayList<>()));
            if (t.type().isEmpty() || value == null) {
                return;
            }
            if (t.secret() && !value.secure()) {
                errors.add("Stack '" + stackName + "' with configuration key '" + declaredKey + "' must be encrypted as it's secret");
                return;
            }
            Object content = value.object() ? decrypted(value.tree(), decrypt) : text(value, decrypt);
            if (!PulumiProjectRules.validValue(t.type().get(), t.items(), content)) {
                errors.add("Stack '" + stackName + "' with configuration key '" + declaredKey + "' must be of type '"
                        + PulumiProjectRules.fullTypeName(t.type().get(), t.items()) + "'");
            }
        });
    }

    /** The stack file's {@code config:} as {@code config.Map}. */
    private static Map<String, StackValue> read(String projectName, String yaml, List<String> errors, List<String> warnings) {
        Map<String, StackValue> out = new TreeMap<>();
        Object root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        if (root == null) {
            return out;
        }
        if (!(root instanceof Map<?, ?> top)) {
            errors.add("expected project to be an object");
            return out;
        }
        if (!(top.get("config") instanceof Map<?, ?> config)) {
            return out;
        }
        config.forEach((k, v) -> {
            String key = fullKey(projectName, String.valueOf(k), errors);
            if (v == null) {
                warnings.add("No value for configuration key \"" + k + "\". This is currently treated as an empty string `\"\"`, "
                        + "but will be treated as `null` in a future version of pulumi.");
            }
            if (key != null) {
                Object tree = ciphertexts(v);
                out.put(key, new StackValue(v == null ? "" : tree, tree instanceof Map<?, ?> || tree instanceof List<?>));
            }
        });
        return out;
    }

    /** {@code parseConfigKey} / {@code ParseKey}: the full {@code namespace:name}, or null with an error. */
    public static String fullKey(String projectName, String key, List<String> errors) {
        String[] parts = key.split(":", -1);
        if (parts.length == 1) {
            return projectName + ":" + key;
        }
        if (parts.length == 2) {
            return key;
        }
        if (parts.length == 3 && parts[1].equals("config")) {
            return parts[0] + ":" + parts[2];
        }
        errors.add("could not parse " + key + " as a configuration key "
                + "(configuration keys should be of the form `<namespace>:<name>`)");
        return null;
    }

    /** {@code createConfigValue}: string, int and bool as their text; anything else as a JSON object value. */
    private static StackValue configValue(Object declared) {
        boolean primitive = declared instanceof String || declared instanceof Boolean || declared instanceof Integer
                || declared instanceof Long || declared instanceof BigInteger;
        return primitive ? new StackValue(String.valueOf(declared), false) : new StackValue(declared, true);
    }

    /** {@code formatMissingKeys}: 'a', 'a' and 'b', 'a', 'b' and 'c'. */
    public static String formatMissing(List<String> keys) {
        List<String> sorted = keys.stream().sorted().map(k -> "'" + k + "'").toList();
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " and " + sorted.get(sorted.size() - 1);
    }

    /** {@code isSecureValue}: a mapping whose only key is {@code secure}, with a string. */
    private static Object ciphertexts(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("secure") instanceof String s) {
                return new Ciphertext(s);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), ciphertexts(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(PulumiStackRules::ciphertexts).toList();
        }
        return v;
    }

    private static boolean containsCiphertext(Object v) {
        if (v instanceof Ciphertext) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(PulumiStackRules::containsCiphertext);
        }
        return v instanceof List<?> l && l.stream().anyMatch(PulumiStackRules::containsCiphertext);
    }

    private static Object decrypted(Object v, UnaryOperator<String> decrypt) {
        if (v instanceof Ciphertext c) {
            return decrypt.apply(c.text());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), decrypted(x, decrypt)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> decrypted(x, decrypt)).toList();
        }
        return v;
    }

    /** {@code marshalText}: text as it is (a secret decrypted), anything else as Go's JSON. */
    public static String text(StackValue value, UnaryOperator<String> decrypt) {
        Object plain = decrypted(value.tree(), decrypt);
        return plain instanceof String s ? s : GoJson.write(plain);
    }
}
