package dev.argogke.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.argogke.names.DidYouMean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A cursor over one config value with the key path it sits at ({@code argo-gke:nodePools[1].maxNodes}),
 * collecting problems instead of throwing, so one run reports every mistake in a stack.
 */
final class ConfigValue {
    private final String path;
    private final JsonNode node;
    private final List<String> problems;

    ConfigValue(String path, JsonNode node, List<String> problems) {
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /**
     * This value, or none when it is an empty list or mapping: what Pulumi.yaml declares as the
     * default of a key that only some stacks need ({@code []}, {@code {}}), which the CLI hands
     * over for a stack that does not set it, means the same as not setting it.
     */
    ConfigValue emptyAsAbsent() {
        return present() && node.isContainerNode() && node.isEmpty() ? new ConfigValue(path, null, problems) : this;
    }

    boolean isEmptyList() {
        return present() && node.isArray() && node.isEmpty();
    }

    void problem(String message) {
        problems.add(path + ": " + message);
    }

    ConfigValue field(String name) {
        JsonNode child = node != null && node.isObject() ? node.get(name) : null;
        return new ConfigValue(path + "." + name, child, problems);
    }

    /** This mapping's value of {@code setting}. */
    ConfigValue field(Setting setting) {
        return field(setting.name());
    }

    /** A mapping whose keys are those {@link SettingsSchema} declares at {@code schemaPath} ({@code nodePools[]}). */
    boolean object(String schemaPath) {
        return object(SettingsSchema.keysIn(schemaPath));
    }

    /** The text of {@code setting} in this mapping: its declared default when absent; checked. */
    String text(Setting setting) {
        ConfigValue v = field(setting);
        return v.checked(setting, v.string((String) setting.defaultValue()));
    }

    /** The text of {@code setting} in this mapping, which must be there; {@code fix} says what to write. */
    String requiredText(Setting setting, String fix) {
        ConfigValue v = field(setting);
        return v.checked(setting, v.requiredString(fix));
    }

    /** The text of {@code setting} in this mapping when it is there; checked (empty when wrong, with the problem noted). */
    Optional<String> optionalText(Setting setting) {
        ConfigValue v = field(setting);
        return v.string().map(t -> v.checked(setting, t));
    }

    /** This value (an item of a list setting, or the setting itself) as {@code setting}'s check wants it. */
    String checked(Setting setting, String value) {
        return setting.check() == null ? value : satisfying(value, setting.check().accepts(), setting.check().expected());
    }

    /** The flag {@code setting} in this mapping, or its declared default. */
    boolean flag(Setting setting) {
        return field(setting).bool().orElse((Boolean) setting.defaultValue());
    }

    /** The flag {@code setting} in this mapping, or {@code otherwise} (a default that depends on other settings). */
    boolean flag(Setting setting, boolean otherwise) {
        return field(setting).bool().orElse(otherwise);
    }

    /** The whole number {@code setting} in this mapping, within its declared bounds, or its declared default. */
    int number(Setting setting) {
        return field(setting).integer(setting.min(), setting.max()).orElse((Integer) setting.defaultValue());
    }

    /** The whole number {@code setting} in this mapping, which must be there, within its declared bounds. */
    Integer requiredNumber(Setting setting) {
        return field(setting).requiredInteger(setting.min(), setting.max());
    }

    /**
     * One of an enumeration's constants, as {@code written} writes each in a stack file (case
     * ignored); the declared default when absent.
     */
    <E extends Enum<E>> E choice(Setting setting, Class<E> type, Function<E, String> written) {
        ConfigValue v = field(setting);
        String text = setting.required() || setting.defaultValue() == null ? v.requiredString("") : v.string((String) setting.defaultValue());
        return text == null ? null : v.oneOf(text, type, written);
    }

    /** One of {@code type}'s constants, as {@code written} writes each; null with a problem naming them all otherwise. */
    <E extends Enum<E>> E oneOf(String value, Class<E> type, Function<E, String> written) {
        for (E e : type.getEnumConstants()) {
            if (written.apply(e).equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(written.apply(e));
        }
        problem("'" + abbreviate(value) + "' is not one of " + String.join(", ", allowed));
        return null;
    }

    /** Flags fields this object does not know, suggesting the closest known one. */
    boolean object(Set<String> known) {
        if (!present()) {
            return false;
        }
        if (!node.isObject()) {
            problem("must be a mapping with keys " + String.join(", ", known) + ", found " + describe(node));
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(path + "." + abbreviate(name) + ": unknown setting" + DidYouMean.closest(name, known).map(s -> " (did you mean " + s + "?)").orElse(""));
            }
        }
        return true;
    }

    List<ConfigValue> list() {
        List<ConfigValue> items = new ArrayList<>();
        if (!present()) {
            return items;
        }
        if (!node.isArray()) {
            problem("must be a list, found " + describe(node));
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigValue(path + "[" + i + "]", node.get(i), problems));
        }
        return items;
    }

    Optional<String> string() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem("must be text, found " + describe(node));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    String requiredString(String fix) {
        if (!present()) {
            problem("required" + (fix.isEmpty() ? "" : "; " + fix));
            return null;
        }
        return string().orElse(null);
    }

    /** Whether this is the text {@code text} (case ignored); reports nothing, so the value's own reading reports once. */
    boolean isText(String text) {
        return present() && node.isTextual() && node.asText().equalsIgnoreCase(text);
    }

    String string(String fallback) {
        return string().orElse(fallback);
    }

    /** Text matching {@code pattern}; {@code expected} says in words what it should look like. */
    String matching(String value, Pattern pattern, String expected) {
        return satisfying(value, v -> pattern.matcher(v).matches(), expected);
    }

    /** Text that {@code rule} accepts; {@code expected} says in words what it should look like. */
    String satisfying(String value, Predicate<String> rule, String expected) {
        if (value != null && !rule.test(value)) {
            problem("'" + abbreviate(value) + "' is not " + expected);
            return null;
        }
        return value;
    }

    String oneOf(String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problem("'" + abbreviate(value) + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    Optional<Boolean> bool() {
        if (!present()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(node.asText()));
        }
        problem("must be true or false, found " + describe(node));
        return Optional.empty();
    }

    Optional<Integer> integer(int min, int max) {
        if (!present()) {
            return Optional.empty();
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.asText().matches("-?[0-9]{1,18}")) {
            value = Long.parseLong(node.asText());
        } else {
            problem("must be a whole number from " + min + " to " + max + ", found " + describe(node));
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem("must be from " + min + " to " + max + ", found " + value);
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    Integer requiredInteger(int min, int max) {
        if (!present()) {
            problem("required: a whole number from " + min + " to " + max);
            return null;
        }
        return integer(min, max).orElse(null);
    }

    List<String> strings() {
        List<String> out = new ArrayList<>();
        for (ConfigValue item : list()) {
            item.string().ifPresent(out::add);
            if (!item.present()) {
                item.problem("must be text, found nothing");
            }
        }
        return out;
    }

    static String describe(JsonNode node) {
        JsonNodeType t = node.getNodeType();
        return switch (t) {
            case STRING -> "text '" + abbreviate(node.asText()) + "'";
            case NUMBER -> "number " + node.asText();
            case BOOLEAN -> node.asText();
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            default -> "nothing";
        };
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
