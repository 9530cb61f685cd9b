package dev.argogke.config;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One setting, declared once in {@link SettingsSchema}: its key, type, default, what it does and
 * what a value must be. The loader reads every value through its declaration; Pulumi.yaml's
 * {@code config:} block and the README's configuration table are generated from the declarations
 * ({@code SettingsDocsTest} fails on any drift).
 *
 * @param key          namespace and path, lists marked {@code []}: {@code argo-gke:nodePools[].diskType}
 * @param type         the value's type, as Pulumi.yaml declares it
 * @param shownType    the type in the README's words ({@code `dev` | `prod`}, {@code list of CIDR})
 * @param shownDefault the default in words: a value, {@code required}, {@code none}, {@code `true` in prod}
 * @param defaultValue what the loader assumes when the key is absent; null when there is none or it
 *                     depends on other settings (then {@code shownDefault} says how)
 * @param required     every stack must set it (Pulumi.yaml then declares no default, so the CLI
 *                     itself refuses a stack without it)
 * @param description  what it does, for the README
 * @param check        what a text value must be; null for none
 * @param min          the smallest integer allowed
 * @param max          the largest integer allowed
 */
public record Setting(String key, Type type, String shownType, String shownDefault, Object defaultValue, boolean required,
                      String description, Check check, int min, int max) {

    /** Types as Pulumi.yaml names them (pulumi/pulumi project.schema.json, simpleConfigType). */
    public enum Type {
        STRING("string"), BOOLEAN("boolean"), INTEGER("integer"), MAPPING("object"), LIST("array"), SECRET("string");

        private final String pulumi;

        Type(String pulumi) {
            this.pulumi = pulumi;
        }

        public String pulumi() {
            return pulumi;
        }
    }

    /** What a text value must be, and the words that say so in the error. */
    public record Check(Predicate<String> accepts, String expected) {
        public static Check matching(Pattern pattern, String expected) {
            return new Check(v -> pattern.matcher(v).matches(), expected);
        }

        public static Check oneOf(List<String> values) {
            return new Check(values::contains, "one of " + String.join(", ", values));
        }
    }

    /** A setting with no default, no check, and its type in plain words. */
    static Setting of(String key, Type type, String description) {
        String shown = switch (type) {
            case STRING -> "string";
            case BOOLEAN -> "bool";
            case INTEGER -> "int";
            case MAPPING -> "mapping";
            case LIST -> "list";
            case SECRET -> "secret";
        };
        return new Setting(key, type, shown, "none", null, false, description, null, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    Setting shown(String words) {
        return new Setting(key, type, words, shownDefault, defaultValue, required, description, check, min, max);
    }

    /** The loader's default, shown as itself. */
    Setting defaultsTo(Object value) {
        String shown = value instanceof List<?> l && l.isEmpty() ? "`[]`" : "`" + value + "`";
        return new Setting(key, type, shownType, shown, value, required, description, check, min, max);
    }

    /** A default that depends on other settings, or a condition under which the key is needed, in words. */
    Setting defaultInWords(String words) {
        return new Setting(key, type, shownType, words, null, required, description, check, min, max);
    }

    /** Every stack must set it. */
    Setting requiredInEveryStack() {
        return new Setting(key, type, shownType, "required", null, true, description, check, min, max);
    }

    Setting check(Check c) {
        return new Setting(key, type, shownType, shownDefault, defaultValue, required, description, c, min, max);
    }

    Setting range(int from, int to) {
        return new Setting(key, type, shownType, shownDefault, defaultValue, required, description, check, from, to);
    }

    /** The namespace: {@code argo-gke} or {@code gcp}. */
    public String namespace() {
        return key.substring(0, key.indexOf(':'));
    }

    /** The path after the namespace: {@code nodePools[].diskType}. */
    public String path() {
        return key.substring(key.indexOf(':') + 1);
    }

    /** The key within its mapping: {@code diskType}. */
    public String name() {
        String p = path();
        return p.substring(p.lastIndexOf('.') + 1).replace("[]", "");
    }

    /** The path of the mapping it sits in ({@code nodePools[]}), or empty at the top. */
    public String parentPath() {
        String p = path();
        return p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "";
    }
}
