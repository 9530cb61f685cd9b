package dev.argogke.plan;

import dev.argogke.UserError;
import dev.argogke.tree.Tree;
import java.io.OutputStream;
import java.nio.file.Path;
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

    // ---- writing and reading: PlanFileWriter and PlanFileReader --------------------------------

    /** The plan as JSON text, ending with a newline. Identical plans give identical text. */
    public String toJson() {
        return PlanFileWriter.toJson(this);
    }

    /** Writes the plan as UTF-8 JSON (see {@link #toJson()}); does not close {@code out}. */
    public void write(OutputStream out) {
        PlanFileWriter.write(this, out);
    }

    /** Writes the plan to {@code file} through a temporary file, so a reader never sees half a plan. */
    public void write(Path file) {
        PlanFileWriter.write(this, file);
    }

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
        return PlanFileReader.read(file);
    }

    /** Parses plan JSON; {@code source} names it in error messages. */
    public static PlanFile parse(String json, String source) {
        return PlanFileReader.parse(json, source);
    }
}
