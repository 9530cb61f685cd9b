package dev.argogke.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.UserError;
import dev.argogke.plan.PlanFile.Options;
import dev.argogke.plan.PlanFile.Resource;
import dev.argogke.plan.PlanFile.Waiver;
import dev.argogke.plan.PlanFile.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads plan JSON into a {@link PlanFile}, naming the field of the first thing that is wrong.
 *
 * @param source names the file in error messages
 */
record PlanFileReader(String source) {

    /** Also the writer's mapper (it adds the pretty printer), so both sides agree on the JSON. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    /** See {@link PlanFile#read(Path)}: what is read, and version 1 files. */
    static PlanFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such plan file (make one with: bin/argo-gke plan --stack STACK --out " + file + ")");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses plan JSON; {@code source} names it in error messages. */
    static PlanFile parse(String json, String source) {
        Object tree;
        try {
            tree = MAPPER.readValue(json, Object.class);
        } catch (JsonParseException e) {
            var loc = e.getLocation();
            throw new UserError(source + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserError(source + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return new PlanFileReader(source).plan(tree);
    }

    PlanFile plan(Object tree) {
        Map<String, Object> root = object(tree, "the top level");
        int version = version(root.get("formatVersion"));
        String project = string(root, "project", "project", false);
        String stack = string(root, "stack", "stack", false);
        List<Resource> resources = new ArrayList<>();
        List<Object> rs = list(root.get("resources"), "resources");
        for (int i = 0; i < rs.size(); i++) {
            Resource r = resource(object(rs.get(i), "resources[" + i + "]"), "resources[" + i + "]");
            resources.add(version == 1 ? fromVersion1(r) : r);
        }
        Set<String> urns = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            if (!urns.add(resources.get(i).urn())) {
                throw error("resources[" + i + "].urn", "repeats " + resources.get(i).urn());
            }
        }
        Object outputs = root.get("outputs");
        if (outputs != null && !(outputs instanceof Map)) {
            throw error("outputs", "must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) outputs;
        List<Workflow> workflows = new ArrayList<>();
        List<Object> ws = root.get("workflows") == null ? List.of() : list(root.get("workflows"), "workflows");
        for (int i = 0; i < ws.size(); i++) {
            String at = "workflows[" + i + "]";
            Map<String, Object> w = object(ws.get(i), at);
            workflows.add(new Workflow(string(w, "file", at + ".file", false), string(w, "kind", at + ".kind", false),
                    string(w, "name", at + ".name", false)));
        }
        List<Waiver> waivers = new ArrayList<>();
        List<Object> vs = root.get("waivers") == null ? List.of() : list(root.get("waivers"), "waivers");
        for (int i = 0; i < vs.size(); i++) {
            String at = "waivers[" + i + "]";
            Map<String, Object> w = object(vs.get(i), at);
            waivers.add(new Waiver(string(w, "rule", at + ".rule", false), string(w, "reason", at + ".reason", true)));
        }
        return new PlanFile(version, project, stack, resources, out, workflows, waivers);
    }

    private int version(Object version) {
        if (version instanceof Number n && n.doubleValue() == n.intValue()
                && n.intValue() >= 1 && n.intValue() <= PlanFile.FORMAT_VERSION) {
            return n.intValue();
        }
        throw error("formatVersion", version == null
                ? "missing (is this a plan file? make one with bin/argo-gke plan --stack STACK --out FILE)"
                : "is " + version + ", this argo-gke reads versions 1 to " + PlanFile.FORMAT_VERSION
                  + " (re-run bin/argo-gke plan with this version)");
    }

    private Resource resource(Map<String, Object> r, String at) {
        Object custom = r.get("custom");
        if (!(custom instanceof Boolean)) {
            throw error(at + ".custom", "must be true or false");
        }
        Object inputs = r.get("inputs");
        if (inputs != null && !(inputs instanceof Map)) {
            throw error(at + ".inputs", "must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> in = (Map<String, Object>) inputs;
        Map<String, List<String>> byProperty = new LinkedHashMap<>();
        Object props = r.get("propertyDependencies");
        if (props != null) {
            object(props, at + ".propertyDependencies").forEach((k, v) ->
                    byProperty.put(k, strings(v, at + ".propertyDependencies." + k)));
        }
        return new Resource(string(r, "urn", at + ".urn", false), string(r, "type", at + ".type", false),
                string(r, "name", at + ".name", false), string(r, "parent", at + ".parent", true),
                string(r, "provider", at + ".provider", true), (Boolean) custom,
                strings(r.get("dependsOn"), at + ".dependsOn"), strings(r.get("dependencies"), at + ".dependencies"),
                byProperty, options(r.get("options"), at + ".options"), in);
    }

    private Options options(Object value, String at) {
        if (value == null) {
            return Options.NONE;
        }
        Map<String, Object> o = object(value, at);
        return new Options(bool(o.get("protect"), at + ".protect"), bool(o.get("deleteBeforeReplace"), at + ".deleteBeforeReplace"),
                strings(o.get("ignoreChanges"), at + ".ignoreChanges"), strings(o.get("aliases"), at + ".aliases"),
                strings(o.get("additionalSecretOutputs"), at + ".additionalSecretOutputs"));
    }

    /** Version 1 recorded the mock engine's urns; inputs may hold urns of resource references. */
    @SuppressWarnings("unchecked")
    private static Resource fromVersion1(Resource r) {
        return new Resource(Urns.fromMockEngine(r.urn()), r.type(), r.name(), Urns.fromMockEngine(r.parent()),
                Urns.fromMockEngine(r.provider()), r.custom(), List.of(), List.of(), Map.of(), Options.NONE,
                (Map<String, Object>) urnsFromMockEngine(r.inputs()));
    }

    @SuppressWarnings("unchecked")
    private static Object urnsFromMockEngine(Object value) {
        if (value instanceof String s) {
            return Urns.fromMockEngine(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, urnsFromMockEngine(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(PlanFileReader::urnsFromMockEngine).toList();
        }
        return value;
    }

    private boolean bool(Object value, String at) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw error(at, "must be true or false");
        }
        return b;
    }

    private List<String> strings(Object value, String at) {
        if (value == null) {
            return List.of();
        }
        List<Object> items = list(value, at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                throw error(at + "[" + i + "]", "must be a string");
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String at) {
        if (!(value instanceof Map)) {
            throw error(at, "must be an object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String at) {
        if (!(value instanceof List)) {
            throw error(at, value == null ? "missing" : "must be a list");
        }
        return (List<Object>) value;
    }

    private String string(Map<String, Object> map, String key, String at, boolean nullable) {
        Object v = map.get(key);
        if (v == null && nullable) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw error(at, v == null ? "missing" : "must be a string");
        }
        return s;
    }

    private UserError error(String field, String problem) {
        return new UserError(source + ": " + field + " " + problem);
    }
}
