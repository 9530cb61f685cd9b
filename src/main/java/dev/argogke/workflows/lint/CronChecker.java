package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.names.TimeZones;
import dev.argogke.tree.Tree;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for a CronWorkflow's own fields (Argo v4.1 validate.CronWorkflow). */
final class CronChecker {
    private static final Set<String> CONCURRENCY_POLICIES = Set.of("Allow", "Forbid", "Replace");

    private CronChecker() {
    }

    static void check(DocumentFindings out, Map<String, Object> spec, CronLines lines) {
        String sp = "spec.schedules";
        Object schedules = spec.get("schedules");
        if (schedules == null || schedules instanceof List<?> l && l.isEmpty()) {
            // A v3 `schedule:` or a misspelt `schedules` is reported as an unknown field already.
            boolean misspelt = spec.keySet().stream()
                    .anyMatch(k -> !k.equals("schedules") && DidYouMean.closest(k, List.of("schedules", "schedule")).isPresent());
            if (!misspelt) {
                out.error(schedules == null ? "spec" : sp, "a CronWorkflow needs at least one line in spec.schedules,"
                        + " e.g. schedules: [\"0 2 * * *\"]");
            }
        }
        List<Object> list = Tree.list(schedules);
        for (int i = 0; i < list.size(); i++) {
            String line = Tree.string(list.get(i));
            if (line == null) {
                continue; // reported by the strict decoding
            }
            String problem = line.isBlank() ? "a schedule line is empty" : lines.problem(line);
            if (problem != null) {
                out.error(Tree.index(sp, i), "schedule \"" + ValueText.abbreviate(line) + "\" is malformed: " + problem);
            }
        }
        String timezone = Tree.text(spec.get("timezone"));
        if (!timezone.isEmpty() && !isIanaZone(timezone)) {
            out.error("spec.timezone", "unknown time zone \"" + ValueText.abbreviate(timezone)
                    + "\": use an IANA name such as Europe/Paris or America/New_York");
        }
        String policy = Tree.text(spec.get("concurrencyPolicy"));
        if (!policy.isEmpty() && !CONCURRENCY_POLICIES.contains(policy)) {
            out.error("spec.concurrencyPolicy", "concurrencyPolicy '" + policy + "' is not one of Allow, Forbid, Replace");
        }
        // Argo rejects a negative startingDeadlineSeconds (validate.ValidateCronWorkflow; the CRD says minimum: 0).
        if (spec.get("startingDeadlineSeconds") instanceof Number n && n.longValue() < 0) {
            out.error("spec.startingDeadlineSeconds", "startingDeadlineSeconds must not be negative");
        }
        // A negative history limit is not refused by anyone (neither argo lint nor the CRD, which has no minimum):
        // the cron controller ignores it and keeps its default (workflow/cron/operator.go enforceHistoryLimit, v4.0.7).
        for (String field : List.of("successfulJobsHistoryLimit", "failedJobsHistoryLimit")) {
            if (spec.get(field) instanceof Number n && n.longValue() < 0) {
                out.warning("spec." + field, field + " is negative: Argo ignores it and keeps its default ("
                        + (field.startsWith("successful") ? "3" : "1") + "); write 0 to keep none");
            }
        }
    }

    /**
     * Go's time.LoadLocation (which Argo calls): "UTC", "Local" or a name of the IANA database;
     * fixed offsets such as "+02:00" or "UTC+2", which java.time would accept, are not zone names.
     */
    static boolean isIanaZone(String zone) {
        return TimeZones.cronWorkflowZone(zone).isPresent();
    }
}
