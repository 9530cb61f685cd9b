package dev.argogke.workflows.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The fields of every object type the linter decodes strictly: Argo Workflows v4.1's, read from the
 * hand-written {@code argo-fields.txt} next to this class (its header explains the notation), and
 * Argo Events v1.9.10's, from {@code argo-events-fields.txt}, generated from Argo Events' OpenAPI
 * spec in the same notation (see the README beside it).
 */
final class FieldModel {
    static final String RESOURCE = "argo-fields.txt";
    static final String EVENTS_RESOURCE = "argo-events-fields.txt";

    /** One object type: its fields in the order the model lists them. */
    record ObjectType(String name, Map<String, FieldType> fields) {
    }

    private final Map<String, ObjectType> types;

    private FieldModel(Map<String, ObjectType> types) {
        this.types = types;
    }

    /** The model shipped with the linter (parsed once). */
    static FieldModel argo() {
        return Holder.ARGO;
    }

    /** The Argo Events model (EventSource, Sensor), parsed once. */
    static FieldModel events() {
        return Holder.EVENTS;
    }

    private static final class Holder {
        static final FieldModel ARGO = load(RESOURCE);
        static final FieldModel EVENTS = load(EVENTS_RESOURCE);
    }

    ObjectType type(String name) {
        ObjectType t = types.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no type " + name + " in " + RESOURCE);
        }
        return t;
    }

    Map<String, ObjectType> types() {
        return Collections.unmodifiableMap(types);
    }

    private static FieldModel load(String resource) {
        try (InputStream in = FieldModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Parses the model notation; a mistake in the model is a bug, so it fails loudly. */
    static FieldModel parse(String text) {
        // First gather each type's tokens (a type may continue over indented lines).
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        List<String> current = null;
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(raw.charAt(0));
            if (continuation) {
                if (current == null) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": continuation without a type");
                }
                current.addAll(Arrays.asList(line.split("\\s+")));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected 'Type: fields'");
            }
            String name = line.substring(0, colon).strip();
            current = new ArrayList<>();
            String rest = line.substring(colon + 1).strip();
            if (!rest.isEmpty()) {
                current.addAll(Arrays.asList(rest.split("\\s+")));
            }
            if (tokens.put(name, current) != null) {
                throw new IllegalStateException(RESOURCE + ":" + lineNo + ": type " + name + " defined twice");
            }
        }
        Map<String, ObjectType> types = new LinkedHashMap<>();
        for (String name : tokens.keySet()) {
            resolve(name, tokens, types, new LinkedHashSet<>());
        }
        for (ObjectType t : types.values()) {
            for (FieldType f : t.fields().values()) {
                checkRefs(t.name(), f, types);
            }
        }
        return new FieldModel(types);
    }

    private static ObjectType resolve(String name, Map<String, List<String>> tokens, Map<String, ObjectType> done,
                                      LinkedHashSet<String> resolving) {
        ObjectType existing = done.get(name);
        if (existing != null) {
            return existing;
        }
        List<String> own = tokens.get(name);
        if (own == null) {
            throw new IllegalStateException(RESOURCE + ": unknown type " + name);
        }
        if (!resolving.add(name)) {
            throw new IllegalStateException(RESOURCE + ": inclusion cycle through " + name);
        }
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (String token : own) {
            if (token.startsWith("...")) {
                fields.putAll(resolve(token.substring(3), tokens, done, resolving).fields());
                continue;
            }
            int colon = token.indexOf(':');
            String field = colon < 0 ? token : token.substring(0, colon);
            FieldType type = colon < 0 ? new FieldType.Scalar(FieldType.Kind.STRING) : type(token.substring(colon + 1), name);
            fields.put(field, type);
        }
        resolving.remove(name);
        ObjectType t = new ObjectType(name, Collections.unmodifiableMap(fields));
        done.put(name, t);
        return t;
    }

    private static FieldType type(String spec, String owner) {
        if (spec.startsWith("[") && spec.endsWith("]")) {
            return new FieldType.ListOf(type(spec.substring(1, spec.length() - 1), owner));
        }
        if (spec.startsWith("{") && spec.endsWith("}")) {
            return new FieldType.MapOf(type(spec.substring(1, spec.length() - 1), owner));
        }
        if (spec.startsWith("(") && spec.endsWith(")")) {
            return new FieldType.OneOf(new LinkedHashSet<>(Arrays.asList(spec.substring(1, spec.length() - 1).split("\\|"))));
        }
        FieldType.Kind kind = FieldType.Kind.of(spec);
        if (kind != null) {
            return new FieldType.Scalar(kind);
        }
        if (spec.isEmpty() || !Character.isUpperCase(spec.charAt(0))) {
            throw new IllegalStateException(RESOURCE + ": " + owner + ": unknown type '" + spec + "'");
        }
        return new FieldType.Ref(spec);
    }

    private static void checkRefs(String owner, FieldType f, Map<String, ObjectType> types) {
        if (f instanceof FieldType.Ref r && !types.containsKey(r.typeName())) {
            throw new IllegalStateException(RESOURCE + ": " + owner + " refers to unknown type " + r.typeName());
        } else if (f instanceof FieldType.ListOf l) {
            checkRefs(owner, l.element(), types);
        } else if (f instanceof FieldType.MapOf m) {
            checkRefs(owner, m.value(), types);
        }
    }
}
