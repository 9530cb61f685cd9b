package dev.argogke.ops;

import dev.argogke.UserError;
import dev.argogke.names.TimeZones;
import dev.argogke.tree.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a CronWorkflow (from the cluster) that day-2 commands use.
 *
 * @param resource      the object as read
 * @param name          metadata.name
 * @param schedules     spec.schedules, one cron expression each (Argo v4 dropped the single spec.schedule)
 * @param timezone      spec.timezone as written; empty when unset
 * @param zone          the zone its schedules run in: spec.timezone, else UTC (the controller's local
 *                      zone, which is UTC in Argo's images)
 * @param suspended     spec.suspend
 * @param lastScheduled status.lastScheduledTime
 * @param active        names of the Workflows in status.active
 */
public record CronWorkflowInfo(GenericKubernetesResource resource, String name, List<String> schedules, String timezone,
                               ZoneId zone, boolean suspended, Optional<Instant> lastScheduled, List<String> active) {

    public static CronWorkflowInfo of(GenericKubernetesResource cron) {
        Map<String, Object> props = cron.getAdditionalProperties();
        String name = cron.getMetadata().getName();
        List<String> schedules = Tree.list(props, "spec.schedules").stream().map(String::valueOf).toList();
        String timezone = Tree.text(props, "spec.timezone");
        // The names Go's time.LoadLocation knows (EST and ROC yes, "+02:00" and " UTC" no), as the controller loads them.
        ZoneId zone = timezone.isEmpty() ? ZoneOffset.UTC : TimeZones.cronWorkflowZone(timezone).orElseThrow(() ->
                new UserError("CronWorkflow " + name + ": spec.timezone '" + timezone
                        + "' is not a known time zone (use an IANA name such as Europe/Oslo)"));
        Optional<Instant> last = Optional.ofNullable(Tree.string(props, "status.lastScheduledTime")).flatMap(CronWorkflowInfo::instant);
        List<String> active = Tree.list(props, "status.active").stream()
                .map(ref -> Optional.ofNullable(Tree.string(ref, "name")).orElse("?")).toList();
        return new CronWorkflowInfo(cron, name, schedules, timezone, zone, Tree.isTrue(props, "spec.suspend"), last, active);
    }

    /** The spec (a live, mutable view; copy before changing). */
    public Map<String, Object> spec() {
        return Tree.map(resource.getAdditionalProperties(), "spec");
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }
}
