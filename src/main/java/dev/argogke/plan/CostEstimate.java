package dev.argogke.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan costs per month at list prices: the GKE cluster fee and its free-tier credit, node
 * pools at their minimum size with their boot disks, the load balancer's forwarding rules, static
 * IPs, Cloud DNS zones, Cloud NAT and buckets, with Cloud Composer's smallest environment beside it.
 *
 * <p>A line whose price the price file cannot give (a machine type or region it does not list) has
 * no amount and says why; the total then covers only the known lines and is marked incomplete.
 *
 * <p>This record is the estimate and the helpers its lines are written with; {@link CostEstimator}
 * prices each kind of resource and {@link NodePoolCosts} the node pools.
 *
 * @param stack      the plan's stack
 * @param lines      one per priced thing, amounts rounded to cents; the total is their sum
 * @param notes      what the estimate assumes or leaves out
 * @param composer   Cloud Composer's smallest environment per month, for comparison (not in the total)
 * @param composerAssumes the environment that comparison prices and what it leaves out
 * @param pricesTaken the dates of the prices used: "2026-07-30 to 2026-11-30", or one date
 */
public record CostEstimate(String stack, List<Line> lines, List<String> notes, BigDecimal composer,
                           String composerAssumes, String pricesTaken) {

    /**
     * One line of the estimate.
     *
     * @param key     stable across plans (for the diff's cost delta): {@code pool:<urn>}, {@code lb}, ...
     * @param item    what is paid for, e.g. "Node pool argo-dev-default"
     * @param detail  how the amount is made up, or why it is unknown
     * @param monthly USD per month, or null when unknown
     * @param asOf    the date of the price the amount is worked from (the price file's "taken"), or null when unknown
     */
    public record Line(String key, String item, String detail, BigDecimal monthly, String asOf) {
        public boolean known() {
            return monthly != null;
        }
    }


    private static final Pattern ZONE = Pattern.compile("([a-z]+-[a-z]+\\d+)-[a-z]");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+\\d+");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})(\\.[0-9]{1,9})?s");

    /** The sum of the known lines. */
    public BigDecimal total() {
        return lines.stream().filter(Line::known).map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** False when some line's price is unknown: the total is then a lower bound. */
    public boolean complete() {
        return lines.stream().allMatch(Line::known);
    }

    public long unknownLines() {
        return lines.stream().filter(l -> !l.known()).count();
    }

    public static CostEstimate of(PlanFile plan) {
        return of(plan, PriceBook.standard());
    }

    public static CostEstimate of(PlanFile plan, PriceBook prices) {
        return new CostEstimator(plan, prices).estimate();
    }


    /** A line whose amount the estimate cannot give, saying why. */
    static Line unknown(String key, String item, String why) {
        return new Line(key, item, "unknown: " + why, null, null);
    }

    /** True for a zone ({@code europe-west1-b}), false for a region. */
    static boolean isZone(String location) {
        return ZONE.matcher(location).matches();
    }

    /** The name the cloud will show (its {@code name} input), else the Pulumi logical name. */
    static String shown(PlanFile.Resource r) {
        return r.input("name") instanceof String s && !s.isEmpty() ? s : r.name();
    }

    static String shownK8s(PlanFile.Resource r) {
        return r.input("metadata.name") instanceof String s && !s.isEmpty() ? s : r.name();
    }

    static String regionOf(String location) {
        Matcher z = ZONE.matcher(location);
        if (z.matches()) {
            return z.group(1);
        }
        return REGION.matcher(location).matches() ? location : null;
    }

    static String string(Object o) {
        return o instanceof String s && !s.isEmpty() ? s : null;
    }

    /** A protobuf Duration as Google's APIs write it ({@code 7776000s}), in whole seconds; null when not one. */
    static Long seconds(String duration) {
        Matcher m = DURATION.matcher(duration);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    static BigDecimal cents(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
    }

    static String money(double usd) {
        BigDecimal d = BigDecimal.valueOf(usd).stripTrailingZeros();
        return d.scale() < 2 ? d.setScale(2, RoundingMode.HALF_UP).toPlainString() : d.toPlainString();
    }

    static String fmtGb(double gb) {
        return gb == Math.rint(gb) ? Long.toString((long) gb) : Double.toString(gb);
    }
}
