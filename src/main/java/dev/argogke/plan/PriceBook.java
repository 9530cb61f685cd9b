package dev.argogke.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Cloud list prices, read from {@code prices/gcp-prices.json} (each group of prices names
 * its source page and the date it was taken). Every lookup that the file cannot answer says why,
 * so the estimate can print "unknown" instead of guessing.
 */
public final class PriceBook {
    public static final String RESOURCE = "/prices/gcp-prices.json";
    private static final Pattern MACHINE = Pattern.compile("([a-z][a-z0-9]*)-(standard|highmem|highcpu)-(\\d+)");

    private static PriceBook standard;

    private final JsonNode root;
    private final String origin;

    private PriceBook(JsonNode root, String origin) {
        this.root = root;
        this.origin = origin;
    }

    /** The price file shipped in the jar. */
    public static synchronized PriceBook standard() {
        if (standard == null) {
            try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the jar");
                }
                standard = new PriceBook(new ObjectMapper().readTree(in), "src/main/resources" + RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** A price file of the same form from disk (to try refreshed prices before committing them). */
    public static PriceBook read(Path file) {
        try {
            return new PriceBook(new ObjectMapper().readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the price file: " + e.getMessage(), e);
        }
    }

    /** A copy of the file's JSON, to refresh and write out ({@link BillingCatalog}). */
    com.fasterxml.jackson.databind.node.ObjectNode tree() {
        return (com.fasterxml.jackson.databind.node.ObjectNode) root.deepCopy();
    }

    /** Where the prices came from, for the footer of a table. */
    public String origin() {
        return origin;
    }

    public double hoursPerMonth() {
        return number("hoursPerMonth");
    }

    /** The latest "taken" date of any price in the file. */
    public String taken() {
        TreeSet<String> dates = dates();
        return dates.isEmpty() ? "unknown" : dates.last();
    }

    /** The earliest "taken" date of any price in the file: what the freshness warning counts from. */
    public String oldest() {
        TreeSet<String> dates = dates();
        return dates.isEmpty() ? "unknown" : dates.first();
    }

    /** The date a price group's figures are of ({@code gke}, {@code nat}, ...), or "unknown". */
    public String taken(String group) {
        return root.path(group).path("taken").asText("unknown");
    }

    /** Every group's date and every machine family's. */
    private TreeSet<String> dates() {
        TreeSet<String> dates = new TreeSet<>();
        for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
            JsonNode group = it.next();
            if (group.has("taken")) {
                dates.add(group.get("taken").asText());
            }
        }
        for (JsonNode family : root.path("compute").path("families")) {
            if (family.has("taken")) {
                dates.add(family.get("taken").asText());
            }
        }
        return dates;
    }

    public double gkeClusterFeePerHour() {
        return number("gke", "clusterFeePerHour");
    }

    public double gkeFreeTierCreditPerMonth() {
        return number("gke", "freeTierCreditPerMonth");
    }

    /** A machine's hourly price and the date of that price, or why there is none. */
    public record MachineQuote(Double perHour, String shape, String unknownReason, String asOf) {
        public boolean known() {
            return perHour != null;
        }

        static MachineQuote unknown(String why) {
            return new MachineQuote(null, null, why, null);
        }
    }

    /**
     * The hourly price of one VM of {@code machineType} in {@code region}, on-demand or spot: its
     * vCPUs and memory at the family's per-region rates. Shared-core machines (e2-micro, e2-small,
     * e2-medium) are billed as a fraction of an E2 vCPU and their memory at the same rates (the
     * price file's {@code compute.checked} says how that was checked).
     */
    public MachineQuote machine(String machineType, String region, boolean spot) {
        JsonNode shared = root.path("compute").path("sharedCore").path(machineType);
        if (!shared.isMissingNode()) {
            String family = shared.path("family").asText();
            double vcpus = shared.path("vcpus").asDouble();
            double gb = shared.path("gb").asDouble();
            return priced(family, region, spot, vcpus, gb, "shared core, " + fmt(vcpus) + " vCPU, " + fmt(gb) + " GB");
        }
        Matcher m = MACHINE.matcher(machineType);
        if (!m.matches()) {
            return MachineQuote.unknown("machine type " + machineType + " is not in the price file");
        }
        JsonNode family = root.path("compute").path("families").path(m.group(1));
        JsonNode shape = family.path("shapes").path(m.group(2));
        int vcpus = Integer.parseInt(m.group(3));
        boolean sized = false;
        for (JsonNode v : shape.path("vcpus")) {
            sized |= v.asInt() == vcpus;
        }
        if (family.isMissingNode() || shape.isMissingNode() || !sized) {
            return MachineQuote.unknown("machine type " + machineType + " is not in the price file");
        }
        double gb = vcpus * shape.path("gbPerVcpu").asDouble();
        return priced(m.group(1), region, spot, vcpus, gb, vcpus + " vCPU, " + fmt(gb) + " GB");
    }

    private MachineQuote priced(String familyName, String region, boolean spot, double vcpus, double gb, String shape) {
        JsonNode family = root.path("compute").path("families").path(familyName);
        JsonNode r = family.path("regions").path(region);
        if (r.isMissingNode()) {
            return MachineQuote.unknown("no " + familyName.toUpperCase(Locale.ROOT) + " price for region " + region
                    + " in the price file");
        }
        double perHour = vcpus * r.path(spot ? "spotVcpuHour" : "vcpuHour").asDouble()
                + gb * r.path(spot ? "spotGbHour" : "gbHour").asDouble();
        String asOf = family.path("taken").asText(root.path("compute").path("taken").asText("unknown"));
        return new MachineQuote(perHour, shape, null, asOf);
    }

    /** Price per GB-month of a persistent disk type in a region. */
    public Optional<Double> diskPerGbMonth(String diskType, String region) {
        return optional(root.path("disks").path("perGbMonth").path(diskType).path(region));
    }

    public double firstFiveForwardingRulesPerHour() {
        return number("loadBalancing", "firstFiveForwardingRulesPerHour");
    }

    public double additionalForwardingRulePerHour() {
        return number("loadBalancing", "additionalForwardingRulePerHour");
    }

    public double loadBalancerDataPerGb() {
        return number("loadBalancing", "dataProcessingPerGb");
    }

    public double staticIpInUsePerHour() {
        return number("ipAddresses", "staticInUseByForwardingRulePerHour");
    }

    public double staticIpUnusedPerHour() {
        return number("ipAddresses", "staticUnusedPerHour");
    }

    public double dnsZonePerMonth() {
        return number("dns", "managedZonePerMonth");
    }

    public double dnsQueriesPerMillion() {
        return number("dns", "queriesPerMillion");
    }

    public double natPerVmHourUpTo32() {
        return number("nat", "perVmHourUpTo32Vms");
    }

    public double natPerHourAbove32() {
        return number("nat", "perHourAbove32Vms");
    }

    public double natDataPerGb() {
        return number("nat", "dataProcessingPerGb");
    }

    /** Each static or ephemeral external IP address a Public NAT gateway uses, per hour (Cloud NAT pricing). */
    public double natExternalIpPerHour() {
        return number("nat", "externalIpPerHour");
    }

    public double assumedBucketGb() {
        return number("storage", "assumedGb");
    }

    /** Price per GB-month for a storage class at a location (a region or "us"/"eu" multi-region). */
    public Optional<Double> storagePerGbMonth(String storageClass, String location) {
        return optional(root.path("storage").path("perGbMonth").path(storageClass.toUpperCase(Locale.ROOT))
                .path(location.toLowerCase(Locale.ROOT)));
    }

    /** Cloud Logging ingestion (log storage) per GiB beyond the free allotment; Data Access audit logs are billed so. */
    public double loggingIngestionPerGib() {
        return number("logging", "ingestionPerGib");
    }

    public double loggingFreeGibPerProjectPerMonth() {
        return number("logging", "freeGibPerProjectPerMonth");
    }

    /** One active SOFTWARE key version a month (each rotation adds one; old versions stay active). */
    public double kmsSoftwareKeyVersionPerMonth() {
        return number("kms", "softwareKeyVersionPerMonth");
    }

    public double kmsSoftwareOperationsPer10k() {
        return number("kms", "softwareOperationsPer10k");
    }

    /** Cloud Composer 3's price of one DCU for an hour (its pricing page bills milli DCU-hours). */
    public double composerDcuHour() {
        return number("composer", "dcuHour");
    }

    /** How many DCUs the Composer comparison assumes an idle smallest environment holds. */
    public double composerAssumedDcus() {
        return number("composer", "assumedDcus");
    }

    /** The environment the Composer comparison prices, in words, with what it leaves out. */
    public String composerAssumedEnvironment() {
        return root.path("composer").path("assumedEnvironment").asText();
    }

    /** The named source a price group came from: "Cloud NAT pricing (https://...)". */
    public String source(String group) {
        return named(root.path(group).path("source").asText());
    }

    /** The named source of a machine family's prices ({@code e2}, {@code n2}, ...). */
    public String familySource(String family) {
        return named(root.path("compute").path("families").path(family).path("source").asText());
    }

    private String named(String source) {
        JsonNode src = root.path("sources").path(source);
        return src.path("name").asText() + " (" + src.path("url").asText() + ")";
    }

    /** A number of the file at {@code path}: for a group read in one place only (PubSubCosts). */
    double number(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        if (!n.isNumber()) {
            throw new UserError(origin + ": " + String.join(".", path) + " must be a number");
        }
        return n.asDouble();
    }

    private static Optional<Double> optional(JsonNode n) {
        return n.isNumber() ? Optional.of(n.asDouble()) : Optional.empty();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
