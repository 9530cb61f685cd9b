package dev.argogke.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plan: everything one stack's program would create, as data. This is the contract between
 * {@code argo-gke plan} (which writes it) and {@code diff} / {@code cost} (which read it).
 *
 * <p>The canonical constructor sorts resources by urn, workflows and waivers by their fields, and
 * every map's keys, so two plans of the same program and config are equal and
 * {@link #write(OutputStream) write} byte-identically.
 *
 * @param formatVersion always {@link #FORMAT_VERSION} for files this code writes
 * @param project       the Pulumi project name
 * @param stack         the stack name
 * @param resources     every registered resource, sorted by urn
 * @param outputs       the stack outputs (keys sorted), secrets and unknowns as markers
 * @param workflows     the workflow documents deployed, as the linter saw them
 * @param waivers       policy rules waived by the stack, with the stated reason
 */
public record PlanFile(int formatVersion, String project, String stack, List<Resource> resources,
                       Map<String, Object> outputs, List<Workflow> workflows, List<Waiver> waivers) {

    /**
     * 2: urns as the engine makes them (no {@code pulumi:pulumi:Stack$} in children's urns), and per
     * resource its dependencies and resource options. Version 1 files are still read: see
     * {@link #read(Path)}.
     */
    public static final int FORMAT_VERSION = 2;

    /**
     * One resource as registered with Pulumi.
     *
     * @param urn                  its urn as the engine makes it (unique in the plan)
     * @param type                 its Pulumi type token, e.g. {@code gcp:container/cluster:Cluster}
     * @param name                 its logical name
     * @param parent               the parent's urn, or null for the stack itself
     * @param provider             the explicit provider's urn, or null for the default provider
     * @param custom               false for component resources
     * @param dependsOn            the custom resources (and providers) that must exist before this one
     *                             is created: see {@link CreationOrder} for the rule; sorted
     * @param dependencies         the urns the SDK sent as its dependencies (explicit dependsOn and
     *                             the resources its inputs come from), sorted
     * @param propertyDependencies per input, the urns its value comes from, as the SDK sent them
     * @param options              the resource options the engine acts on
     * @param inputs               input properties as Pulumi sends them (camelCase, keys sorted)
     */
    public record Resource(String urn, String type, String name, String parent, String provider, boolean custom,
                           List<String> dependsOn, List<String> dependencies,
                           Map<String, List<String>> propertyDependencies, Options options,
                           Map<String, Object> inputs) {
        public Resource {
            Objects.requireNonNull(urn, "urn");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            dependsOn = sorted(dependsOn);
            dependencies = sorted(dependencies);
            Map<String, List<String>> byProperty = new java.util.TreeMap<>();
            (propertyDependencies == null ? Map.<String, List<String>>of() : propertyDependencies)
                    .forEach((k, v) -> byProperty.put(k, sorted(v)));
            propertyDependencies = java.util.Collections.unmodifiableMap(byProperty);
            options = options == null ? Options.NONE : options;
            inputs = PlanValues.canonicalMap(inputs);
        }

        /** A resource with no recorded dependencies and default options (tests, hand-made plans). */
        public Resource(String urn, String type, String name, String parent, String provider, boolean custom,
                        Map<String, Object> inputs) {
            this(urn, type, name, parent, provider, custom, List.of(), List.of(), Map.of(), Options.NONE, inputs);
        }

        /** The last part of the type token: {@code NodePool} for {@code gcp:container/nodePool:NodePool}. */
        public String kind() {
            int colon = type.lastIndexOf(':');
            return colon < 0 ? type : type.substring(colon + 1);
        }

        /** An input by dotted path ({@code "nodeConfig.machineType"}); null when absent. */
        public Object input(String dottedPath) {
            return Tree.at(inputs, dottedPath);
        }

        /** The same resource waiting for {@code urns} (computed by {@link CreationOrder}). */
        public Resource withDependsOn(List<String> urns) {
            return new Resource(urn, type, name, parent, provider, custom, urns, dependencies, propertyDependencies,
                    options, inputs);
        }

        /** The same resource with other inputs. */
        public Resource withInputs(Map<String, Object> newInputs) {
            return new Resource(urn, type, name, parent, provider, custom, dependsOn, dependencies, propertyDependencies,
                    options, newInputs);
        }
    }

    /**
     * The resource options that change what the engine does with a resource, as sent.
     *
     * @param aliases                 the resource's own aliases as urns, resolved as the engine does
     *                                ({@code collapseAliasToUrn} in pulumi/pulumi pkg/resource/deploy/step_generator.go);
     *                                aliases a child inherits from its parent's are not listed
     * @param additionalSecretOutputs outputs the engine stores encrypted
     */
    public record Options(boolean protect, boolean deleteBeforeReplace, List<String> ignoreChanges,
                          List<String> aliases, List<String> additionalSecretOutputs) {
        public static final Options NONE = new Options(false, false, List.of(), List.of(), List.of());

        public Options {
            ignoreChanges = sorted(ignoreChanges);
            aliases = sorted(aliases);
            additionalSecretOutputs = sorted(additionalSecretOutputs);
        }
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }

    /** A workflow document the plan deploys: the file it came from, its kind and name. */
    public record Workflow(String file, String kind, String name) {
        public Workflow {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A policy rule the stack waives, and why. */
    public record Waiver(String rule, String reason) {
        public Waiver {
            Objects.requireNonNull(rule, "rule");
            reason = reason == null ? "" : reason;
        }
    }

    public PlanFile {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
        List<Resource> sorted = new ArrayList<>(resources == null ? List.of() : resources);
        sorted.sort(Comparator.comparing(Resource::urn));
        Set<String> seen = new HashSet<>();
        for (Resource r : sorted) {
            if (!seen.add(r.urn())) {
                throw new IllegalArgumentException("two resources with urn " + r.urn());
            }
        }
        resources = List.copyOf(sorted);
        outputs = PlanValues.canonicalMap(outputs);
        List<Workflow> wf = new ArrayList<>(workflows == null ? List.of() : workflows);
        wf.sort(Comparator.comparing(Workflow::file).thenComparing(Workflow::kind).thenComparing(Workflow::name));
        workflows = List.copyOf(wf);
        List<Waiver> wv = new ArrayList<>(waivers == null ? List.of() : waivers);
        wv.sort(Comparator.comparing(Waiver::rule).thenComparing(Waiver::reason));
        waivers = List.copyOf(wv);
    }

    /** Starts a plan for {@code project}/{@code stack}; the generator adds resources as it goes. */
    public static Builder builder(String project, String stack) {
        return new Builder(project, stack);
    }

    /** Collects a plan in any order; {@link #build()} sorts it. */
    public static final class Builder {
        private final String project;
        private final String stack;
        private final List<Resource> resources = new ArrayList<>();
        private final Map<String, Object> outputs = new LinkedHashMap<>();
        private final List<Workflow> workflows = new ArrayList<>();
        private final List<Waiver> waivers = new ArrayList<>();

        private Builder(String project, String stack) {
            this.project = project;
            this.stack = stack;
        }

        public Builder resource(Resource resource) {
            resources.add(resource);
            return this;
        }

        public Builder resource(String urn, String type, String name, String parent, String provider,
                                boolean custom, Map<String, ?> inputs) {
            return resource(new Resource(urn, type, name, parent, provider, custom, PlanValues.canonicalMap(inputs)));
        }

        public Builder output(String key, Object value) {
            outputs.put(key, value);
            return this;
        }

        public Builder workflow(String file, String kind, String name) {
            workflows.add(new Workflow(file, kind, name));
            return this;
        }

        public Builder waiver(String rule, String reason) {
            waivers.add(new Waiver(rule, reason));
            return this;
        }

        public PlanFile build() {
            return new PlanFile(FORMAT_VERSION, project, stack, resources, outputs, workflows, waivers);
        }
    }

    /** The resource with this urn, or null. */
    public Resource resource(String urn) {
        // resources are sorted by urn (canonical constructor)
        int lo = 0;
        int hi = resources.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = resources.get(mid).urn().compareTo(urn);
            if (c == 0) {
                return resources.get(mid);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** Every resource of one type token, in urn order. */
    public List<Resource> resourcesOfType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    // ---- writing ----------------------------------------------------------------------------

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    /** 2-space indent, one array item per line, {@code "key": value}, LF line ends on every OS. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    /** The plan as JSON text, ending with a newline. Identical plans give identical text. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the plan as UTF-8 JSON (see {@link #toJson()}); does not close {@code out}. */
    public void write(OutputStream out) {
        try {
            WRITER.writeValue(out, toTree());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the plan to {@code file} through a temporary file, so a reader never sees half a plan. */
    public void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // Not createTempFile: its owner-only permissions would stick to the plan.
            Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(out);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the plan: " + e.getMessage(), e);
        }
    }

    /** The field order of the contract (urn first), not alphabetical: it reads top-down. */
    private Map<String, Object> toTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", formatVersion);
        root.put("project", project);
        root.put("stack", stack);
        List<Object> rs = new ArrayList<>();
        for (Resource r : resources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("urn", r.urn());
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent());
            m.put("provider", r.provider());
            m.put("custom", r.custom());
            m.put("dependsOn", r.dependsOn());
            m.put("dependencies", r.dependencies());
            m.put("propertyDependencies", r.propertyDependencies());
            m.put("options", options(r.options()));
            m.put("inputs", r.inputs());
            rs.add(m);
        }
        root.put("resources", rs);
        root.put("outputs", outputs);
        List<Object> wf = new ArrayList<>();
        for (Workflow w : workflows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", w.file());
            m.put("kind", w.kind());
            m.put("name", w.name());
            wf.add(m);
        }
        root.put("workflows", wf);
        List<Object> wv = new ArrayList<>();
        for (Waiver w : waivers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", w.rule());
            m.put("reason", w.reason());
            wv.add(m);
        }
        root.put("waivers", wv);
        return root;
    }

    private static Map<String, Object> options(Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protect", o.protect());
        m.put("deleteBeforeReplace", o.deleteBeforeReplace());
        m.put("ignoreChanges", o.ignoreChanges());
        m.put("aliases", o.aliases());
        m.put("additionalSecretOutputs", o.additionalSecretOutputs());
        return m;
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * Reads a plan file; a missing, malformed or foreign file is a {@link UserError} naming it.
     *
     * <p>A version 1 file (argo-gke before engine urns) is read as well, so {@code diff} can compare
     * a plan saved earlier (a CI artifact of the base branch) with a new one: its urns are turned
     * into the engine's (see {@link Urns#fromMockEngine}), and since it recorded no dependencies
     * and no options, they read as none. The plan keeps {@code formatVersion} 1, so a reader that
     * needs the creation order can tell it was not recorded.
     */
    public static PlanFile read(Path file) {
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
    public static PlanFile parse(String json, String source) {
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
        return new Reader(source).plan(tree);
    }

    /** Turns the parsed JSON tree into a plan, naming the field of the first thing that is wrong. */
    private record Reader(String source) {
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
                    && n.intValue() >= 1 && n.intValue() <= FORMAT_VERSION) {
                return n.intValue();
            }
            throw error("formatVersion", version == null
                    ? "missing (is this a plan file? make one with bin/argo-gke plan --stack STACK --out FILE)"
                    : "is " + version + ", this argo-gke reads versions 1 to " + FORMAT_VERSION
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
                return l.stream().map(Reader::urnsFromMockEngine).toList();
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
}
