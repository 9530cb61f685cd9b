package dev.argogke.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The name of the Workflow that backfills one schedule time: {@code <cron>-<yyyyMMddHHmm>} with the
 * time in UTC, so the same time always gives the same name (a rerun's create answers 409) and an
 * hour that happens twice when clocks go back still gives two names.
 *
 * <p>It cannot collide with the cron's own runs, which the controller names {@code <cron>-<unix
 * seconds>} (Argo v4.1 workflow/cron/operator.go, getChildWorkflowName): a backfill of a day whose
 * scheduled run failed does run again.
 */
final class BackfillNames {
    /** Kubernetes label values, which Argo copies the name into, are at most 63 characters. */
    static final int MAX = 63;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private BackfillNames() {
    }

    static String of(String cronName, Instant scheduled) {
        String suffix = "-" + STAMP.format(scheduled);
        String base = cronName;
        if (base.length() + suffix.length() > MAX) {
            String hash = sha256(cronName).substring(0, 6);
            base = cronName.substring(0, MAX - suffix.length() - hash.length() - 1) + "-" + hash;
        }
        return base + suffix;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
