package dev.argogke.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a GKE cluster is: a region ({@code europe-west1}: a regional cluster, nodes in three zones)
 * or one of its zones ({@code europe-west1-b}: zonal). Compute Engine names a zone after its region
 * and a letter (cloud.google.com/compute/docs/regions-zones: "zone names ... us-central1-a").
 */
public record Location(String value) {
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]{1,2}");
    private static final Pattern ZONE = Pattern.compile("(" + REGION.pattern() + ")-[a-z]");

    public static boolean isRegion(String text) {
        return REGION.matcher(text).matches();
    }

    public static boolean valid(String text) {
        return isRegion(text) || ZONE.matcher(text).matches();
    }

    /** A zone: one zone's nodes, and GKE's free tier covers the fee of one zonal cluster. */
    public boolean zonal() {
        return ZONE.matcher(value).matches();
    }

    /** The region it is in (itself, for a region). */
    public String region() {
        Matcher zone = ZONE.matcher(value);
        return zone.matches() ? zone.group(1) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
