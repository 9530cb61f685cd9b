package dev.argogke.workflows.cron;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Time zone names as Go's time.LoadLocation reads them in Argo's controller, which is what
 * {@code spec.timezone} and a {@code CRON_TZ=} prefix go through (robfig/cron v3.0.1 parser.go).
 *
 * <p>Go reads the IANA tz database (the controller embeds Go's copy: cmd/workflow-controller/main.go
 * imports time/tzdata), java.time its own build of it. The two name sets differ, checked against
 * Go 1.26's lib/time/zoneinfo.zip (tzdata 2025c) and JDK 17.0.15 (tzdata 2025a) by the cron oracle
 * (e2e/oracles/cron.sh):
 * <ul>
 * <li>Go has EST, MST, HST, GMT+0, GMT-0, ROC and Factory; java.time leaves them out of its zone
 * IDs (EST, MST and HST clash with its old short IDs). They are links in tzdata's "backward" file,
 * so we load their targets.</li>
 * <li>java.time still has the SystemV/* zones, which IANA dropped in tzdata 2020b; Go has none.</li>
 * <li>Zones newer than the JDK's tzdata (America/Coyhaique, 2025b) are unknown to us until the JDK
 * is updated; e2e/oracles/cron-known-differences.txt lists them.</li>
 * </ul>
 * Offsets such as "+02:00" or "GMT+2", which java.time parses, are not names Go knows.
 */
public final class GoTimeZones {
    /**
     * The controller's time.Local: Argo's images (gcr.io/distroless/static) have no /etc/localtime
     * and set no TZ, so Go falls back to UTC.
     */
    public static final ZoneId CONTROLLER_LOCAL = ZoneId.of("UTC");

    /** Go's time.UTC, named "UTC" as Go names it (ZoneOffset.UTC would show as "Z"). */
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** tzdata 2025c "backward" links (and "Factory", a zone of its own at offset 0) java.time lacks. */
    private static final Map<String, ZoneId> GO_ONLY = Map.of(
            "EST", ZoneId.of("America/Panama"),
            "MST", ZoneId.of("America/Phoenix"),
            "HST", ZoneId.of("Pacific/Honolulu"),
            "GMT+0", ZoneId.of("Etc/GMT"),
            "GMT-0", ZoneId.of("Etc/GMT"),
            "ROC", ZoneId.of("Asia/Taipei"),
            "Factory", ZoneOffset.UTC);

    private GoTimeZones() {
    }

    /**
     * The zone Go's time.LoadLocation(name) returns: UTC for "" and "UTC", the controller's local
     * zone for "Local", else the IANA zone of that exact (case-sensitive) name; empty when Go would
     * fail.
     */
    public static Optional<ZoneId> load(String name) {
        if (name.isEmpty() || name.equals("UTC")) {
            return Optional.of(UTC);
        }
        if (name.equals("Local")) {
            return Optional.of(CONTROLLER_LOCAL);
        }
        if (GO_ONLY.containsKey(name)) {
            return Optional.of(GO_ONLY.get(name));
        }
        if (name.startsWith("SystemV/") || !ZoneId.getAvailableZoneIds().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
