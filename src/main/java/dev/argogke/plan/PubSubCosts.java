package dev.argogke.plan;

import static dev.argogke.plan.CostEstimate.shown;

import dev.argogke.plan.CostEstimate.Line;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Pub/Sub's part of a cost estimate. Topics and subscriptions cost nothing to keep; throughput is
 * billed by volume (Pub/Sub pricing: the first 10 GiB a month free, then $40 per TiB; at least 1,000
 * bytes counted per publish and per pull or push request). The volume depends on the message rate,
 * which the plan does not know, so each subscription is a $0.00 line and a note prices example rates.
 */
final class PubSubCosts {
    static final String SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
    private static final double GIB = 1024.0 * 1024 * 1024;
    /** Example message rates. */
    private static final List<Rate> RATES = List.of(new Rate("one a minute", 1.0 / 60), new Rate("one a second", 1), new Rate("ten a second", 10));

    private record Rate(String words, double perSecond) {
    }

    private final PlanFile plan;
    private final PriceBook prices;
    private final List<Line> lines;
    private final List<String> notes;

    PubSubCosts(PlanFile plan, PriceBook prices, List<Line> lines, List<String> notes) {
        this.plan = plan;
        this.prices = prices;
        this.lines = lines;
        this.notes = notes;
    }

    void add() {
        List<PlanFile.Resource> subscriptions = plan.resourcesOfType(SUBSCRIPTION);
        if (subscriptions.isEmpty()) {
            return;
        }
        for (PlanFile.Resource s : subscriptions) {
            lines.add(new Line("pubsub:" + s.urn(), "Pub/Sub " + shown(s), "throughput only, within the free "
                    + fmt(prices.number("pubsub", "freeGibPerMonth")) + " GiB a month at the rates below", BigDecimal.ZERO.setScale(2),
                    prices.taken("pubsub")));
        }
        notes.add("Pub/Sub throughput: the first " + fmt(prices.number("pubsub", "freeGibPerMonth")) + " GiB a month are free, then $"
                + fmt(prices.number("pubsub", "throughputPerTib")) + " per TiB; each publish and each delivery counts at least "
                + fmt(prices.number("pubsub", "minBytesPerRequest")) + " bytes. Small messages, published and delivered once each: "
                + String.join("; ", RATES.stream().map(this::example).toList()) + ".");
    }

    /** The month's billed volume and price at {@code rate}: every message counted twice (publish, delivery) at the minimum size. */
    private String example(Rate rate) {
        double messages = rate.perSecond() * 3600 * prices.hoursPerMonth();
        double gib = messages * 2 * prices.number("pubsub", "minBytesPerRequest") / GIB;
        double billable = Math.max(0, gib - prices.number("pubsub", "freeGibPerMonth"));
        double usd = billable / 1024 * prices.number("pubsub", "throughputPerTib");
        return String.format(Locale.ROOT, "%s %.1f GiB, $%.2f", rate.words(), gib, usd);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
