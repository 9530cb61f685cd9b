package dev.argogke.plan;

import static dev.argogke.plan.CostEstimate.money;
import static dev.argogke.plan.CostEstimate.shown;

import dev.argogke.plan.CostEstimate.Line;
import java.math.BigDecimal;
import java.util.List;

/**
 * Secret Manager's part of a cost estimate (Secret Manager pricing: an active secret version $0.06 a
 * month per location, automatic replication billed as one location; access operations $0.03 per
 * 10,000; free each month per billing account: 6 active versions and 10,000 accesses). argo-gke
 * creates each secret without a version; the one its owner adds is the active version counted here,
 * at $0.00 while the billing account's free versions cover it, as they do for a handful of jobs.
 */
final class SecretManagerCosts {
    static final String SECRET = "gcp:secretmanager/secret:Secret";

    private final PlanFile plan;
    private final PriceBook prices;
    private final List<Line> lines;
    private final List<String> notes;

    SecretManagerCosts(PlanFile plan, PriceBook prices, List<Line> lines, List<String> notes) {
        this.plan = plan;
        this.prices = prices;
        this.lines = lines;
        this.notes = notes;
    }

    void add() {
        List<PlanFile.Resource> secrets = plan.resourcesOfType(SECRET);
        if (secrets.isEmpty()) {
            return;
        }
        long free = (long) prices.number("secretManager", "freeActiveVersions");
        for (PlanFile.Resource s : secrets) {
            lines.add(new Line("secretmanager:" + s.urn(), "Secret Manager " + shown(s), "1 active version once its value is added, $"
                    + money(prices.number("secretManager", "activeVersionPerMonth")) + " a month, within the " + free
                    + " free a month", BigDecimal.ZERO.setScale(2), prices.taken("secretManager")));
        }
        notes.add("Secret Manager: the billing account's first " + free + " active secret versions and "
                + String.format(java.util.Locale.ROOT, "%,d", (long) prices.number("secretManager", "freeAccessesPerMonth"))
                + " accesses a month are free, then $" + money(prices.number("secretManager", "activeVersionPerMonth"))
                + " a version a month and $" + money(prices.number("secretManager", "accessesPer10k"))
                + " per 10,000 accesses; External Secrets Operator reads each secret once per refresh interval. "
                + "Each rotation adds a version: destroy the old one.");
    }
}
