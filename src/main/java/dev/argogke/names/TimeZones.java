package dev.argogke.names;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Time zone names as the controllers that read them decide: one lookup (Go's time.LoadLocation)
 * behind two entry points, because a CronWorkflow and a CronJob take different names.
 * <ul>
 * <li>{@link #cronWorkflowZone}: Argo's {@code spec.timezone}. ValidateCronWorkflow calls
 * {@code time.LoadLocation(cronWf.Spec.Timezone)} (argo-workflows v4.0.7
 * workflow/validate/validate.go), and the controller puts {@code CRON_TZ=<timezone> } in front of
 * each schedule, which robfig/cron v3.0.1 parser.go loads with the same function. So "Local" is
 * allowed (the controller's own zone) and so are legacy names such as EST.</li>
 * <li>{@link #cronJobZone}: Kubernetes' {@code spec.timeZone}. validateTimeZone (kubernetes v1.36.5
 * pkg/apis/batch/validation/validation.go) refuses "" and "Local" in any case ("timeZone must be an
 * explicit time zone"), checks each '/'-part against {@code [A-Za-z.\-_0-9+]{1,14}}, then calls
 * time.LoadLocation. The part check refuses nothing LoadLocation accepts here: every one of the 598
 * names in Go 1.26's lib/time/zoneinfo.zip passes it, so it is not repeated.</li>
 * </ul>
 *
 * <p>Go reads the IANA tz database (Argo's controller and Kubernetes' apiserver and
 * kube-controller-manager embed Go's copy: their main packages import time/tzdata), java.time its
 * own build of it. The two name sets differ, checked against Go 1.26's lib/time/zoneinfo.zip
 * (tzdata 2025c) and JDK 17.0.15 (tzdata 2025a) by the cron oracle (e2e/oracles/cron.sh):
 * <ul>
 * <li>Go has EST, MST, HST, GMT+0, GMT-0, ROC and Factory; java.time leaves them out of its zone
 * IDs: {@code ZoneId.of("EST")} throws ZoneRulesException ("Unknown time-zone ID: EST"; EST, MST
 * and HST are only in {@code ZoneId.SHORT_IDS}, as fixed offsets). They are links in tzdata's
 * "backward" file, so we load their targets.</li>
 * <li>"Local" is Go's name for the process's zone; {@code ZoneId.of("Local")} throws, so it is
 * answered here, not by java.time.</li>
 * <li>java.time still has the SystemV/* zones, which IANA dropped in tzdata 2020b; Go has none.</li>
 * <li>Zones newer than the JDK's tzdata (America/Coyhaique, 2025b) are unknown to us until the JDK
 * is updated; e2e/oracles/cron-known-differences.txt lists them.</li>
 * </ul>
 * Offsets such as "+02:00" or "GMT+2", which {@code ZoneId.of} parses, are not names Go knows.
 */
public final class TimeZones {
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

    private TimeZones() {
    }

    /**
     * The zone a CronWorkflow's {@code spec.timezone} (or a {@code CRON_TZ=} prefix) runs in: what
     * Go's time.LoadLocation(name) returns, UTC for "" and "UTC", the controller's local zone for
     * "Local", else the IANA zone of that exact (case-sensitive) name; empty when Go would fail.
     */
    public static Optional<ZoneId> cronWorkflowZone(String name) {
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

    /**
     * The zone a Kubernetes CronJob's {@code spec.timeZone} names, or empty where the API server
     * refuses it: the CronWorkflow answer without "" and "Local" (an explicit zone is required;
     * "Local" in other cases is no Go name either).
     */
    public static Optional<ZoneId> cronJobZone(String name) {
        if (name.isEmpty() || name.equalsIgnoreCase("Local")) {
            return Optional.empty();
        }
        return cronWorkflowZone(name);
    }
}
