package dev.argogke.config;

import dev.argogke.names.DidYouMean;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a node pool's machine type is one Compute Engine has, so that a typo ({@code e2-smal})
 * stops at the config instead of in the GKE API after the cluster is half made.
 *
 * <p>From Compute Engine's machine family pages (cloud.google.com/compute/docs/general-purpose-machines,
 * compute-optimized-machines, memory-optimized-machines, accelerator-optimized-machines): a type is
 * {@code <series>-<shape>-<vCPUs>} ({@code n2-standard-4}), a custom type
 * {@code <series>-custom-<vCPUs>-<MB>}, or one of E2's shared-core types. E2's predefined types are
 * checked one by one (the series a small batch cluster uses, and the one the examples name); for the
 * other series the shape is checked and the size must be a number. A series not listed here is
 * let through: Google adds series faster than argo-gke is released, and GKE itself refuses a wrong one.
 */
final class MachineTypes {
    private static final Set<String> SERIES = Set.of("e2", "f1", "g1", "n1", "n2", "n2d", "n4", "c2", "c2d", "c3", "c3d", "c4", "c4a", "c4d",
            "t2a", "t2d", "m1", "m2", "m3", "a2", "a3", "g2", "h3", "z3");
    private static final Set<String> SHAPES = Set.of("standard", "highmem", "highcpu", "highgpu", "megagpu", "ultragpu",
            "ultramem", "megamem", "hypermem", "standardlssd", "highlssd", "custom");
    /** E2's predefined types (general-purpose-machines: "E2 machine types"). */
    static final List<String> E2 = List.of("e2-micro", "e2-small", "e2-medium",
            "e2-standard-2", "e2-standard-4", "e2-standard-8", "e2-standard-16", "e2-standard-32",
            "e2-highmem-2", "e2-highmem-4", "e2-highmem-8", "e2-highmem-16",
            "e2-highcpu-2", "e2-highcpu-4", "e2-highcpu-8", "e2-highcpu-16", "e2-highcpu-32");
    /** N1's shared-core types (general-purpose-machines: "N1 shared-core machine types"). */
    private static final List<String> N1_SHARED_CORE = List.of("f1-micro", "g1-small");
    private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9]*)-([a-z]+)(-[0-9]+(-[0-9]+)?)?");
    private static final Pattern CUSTOM = Pattern.compile("[a-z][a-z0-9]*-custom-[0-9]+-[0-9]+(-ext)?");
    private static final Pattern SIZED = Pattern.compile("[a-z][a-z0-9]*-[a-z]+-[0-9]+");

    private MachineTypes() {
    }

    /** What is wrong with {@code type}, with the closest real one where there is one; empty when it is fine. */
    static Optional<String> problem(String type) {
        if (E2.contains(type) || N1_SHARED_CORE.contains(type)) {
            return Optional.empty();
        }
        Matcher m = TYPE.matcher(type);
        if (!m.matches()) {
            return Optional.of("'" + type + "' is not a machine type such as e2-standard-2");
        }
        String series = m.group(1);
        if (!SERIES.contains(series)) {
            // Not guessed at: a new series one letter from an old one (n4 after n2) is not a typo.
            return Optional.empty();
        }
        if (series.equals("e2") && !E2.contains(type) && !CUSTOM.matcher(type).matches()) {
            return Optional.of("'" + type + "' is not an E2 machine type" + DidYouMean.closest(type, E2).map(s -> " (did you mean " + s + "?)")
                    .orElse("; E2 has " + String.join(", ", E2) + " and custom types (e2-custom-<vCPUs>-<MB>)"));
        }
        if (!SHAPES.contains(m.group(2))) {
            return Optional.of("'" + type + "' has no shape " + m.group(2) + DidYouMean.closest(m.group(2), SHAPES).map(s -> " (did you mean " + s + "?)")
                    .orElse("; shapes: standard, highmem, highcpu, custom, ..."));
        }
        boolean shaped = m.group(2).equals("custom") ? CUSTOM.matcher(type).matches() : SIZED.matcher(type).matches();
        return shaped ? Optional.empty() : Optional.of("'" + type + "' needs its size, e.g. " + series + "-" + m.group(2) + "-4"
                + (m.group(2).equals("custom") ? "-16384 (vCPUs, then memory in MB)" : ""));
    }
}
