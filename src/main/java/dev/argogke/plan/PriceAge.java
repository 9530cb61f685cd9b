package dev.argogke.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether a price file is too old to trust. Spot prices change up to once a month per region
 * (Compute Engine, "Spot VMs" pricing: "Spot prices are dynamic and can change up to once every 30
 * days"), and list prices change a few times a year: a file whose oldest figure is more than 90
 * days old is said to be stale.
 */
public final class PriceAge {
    public static final int MAX_DAYS = 90;

    private PriceAge() {
    }

    /** A warning naming the file, its oldest date and how to refresh it, when that date is more than 90 days before {@code today}. */
    public static Optional<String> warning(PriceBook prices, LocalDate today) {
        String oldest = prices.oldest();
        LocalDate taken;
        try {
            taken = LocalDate.parse(oldest);
        } catch (DateTimeParseException e) {
            return Optional.of("warning: " + prices.origin() + " gives no readable date for its prices (" + oldest
                    + "): treat them as out of date; refresh them with 'argo-gke cost --refresh-prices FILE' (docs/cost.md)");
        }
        long days = ChronoUnit.DAYS.between(taken, today);
        if (days <= MAX_DAYS) {
            return Optional.empty();
        }
        return Optional.of("warning: the oldest prices in " + prices.origin() + " are of " + oldest + ", " + days
                + " days before " + today + " (more than " + MAX_DAYS + "): they may have changed since. Refresh them with"
                + " 'argo-gke cost --refresh-prices FILE' and try the file with '--prices FILE' (docs/cost.md, Refreshing prices).");
    }
}
