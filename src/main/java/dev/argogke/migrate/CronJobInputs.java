package dev.argogke.migrate;

import dev.argogke.workflows.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the CronJobs out of loaded manifests: top-level documents and the items of
 * {@code kind: List} documents (what {@code kubectl get cronjobs -o yaml} prints). Anything else
 * is skipped with a note saying so.
 */
public final class CronJobInputs {

    /**
     * @param cronJobs the CronJobs, in file and document order
     * @param skipped  one note per document that is not a CronJob, with its position
     */
    public record Found(List<CronJobSource> cronJobs, List<String> skipped) {
    }

    private CronJobInputs() {
    }

    public static Found fromManifests(List<Manifest> manifests) {
        List<CronJobSource> cronJobs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Manifest m : manifests) {
            if ("List".equals(m.kind()) || (m.kind() != null && m.kind().endsWith("List") && m.content().get("items") != null)) {
                if (!(m.content().get("items") instanceof List<?> items)) {
                    skipped.add(m.file() + ":" + m.start() + ": note: skipped a " + m.kind() + " without items");
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    String prefix = "items[" + i + "].";
                    if (items.get(i) instanceof Map<?, ?> item) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) item;
                        take(m, content, prefix, cronJobs, skipped);
                    } else {
                        skipped.add(m.file() + ":" + m.positions().of(prefix.substring(0, prefix.length() - 1))
                                + ": note: skipped " + prefix.substring(0, prefix.length() - 1) + ": not an object");
                    }
                }
            } else {
                take(m, m.content(), "", cronJobs, skipped);
            }
        }
        return new Found(cronJobs, skipped);
    }

    private static void take(Manifest m, Map<String, Object> content, String prefix, List<CronJobSource> cronJobs,
                             List<String> skipped) {
        CronJobSource source = new CronJobSource(Optional.of(m.file()), m.file().toString(), content, m.positions(),
                prefix);
        Object kind = content.get("kind");
        Object apiVersion = content.get("apiVersion");
        // batch/v1beta1 CronJobs (removed in Kubernetes 1.25) have the same fields as batch/v1.
        if ("CronJob".equals(kind) && apiVersion instanceof String v && v.startsWith("batch/")) {
            cronJobs.add(source);
            return;
        }
        String what = (kind instanceof String k ? k : "a document without kind")
                + source.name().map(n -> "/" + n).orElse("");
        String why = "CronJob".equals(kind) ? "apiVersion " + apiVersion + " is not batch/v1" : "not a CronJob";
        skipped.add(source.where("") + ": note: skipped " + what + ": " + why);
    }
}
