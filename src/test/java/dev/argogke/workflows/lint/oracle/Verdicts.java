package dev.argogke.workflows.lint.oracle;

import dev.argogke.workflows.lint.Finding;
import dev.argogke.workflows.lint.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pairs the two linters' answers document by document. */
final class Verdicts {
    /** What the project's linter decided about a document. */
    enum Ours { REFUSED, ACCEPTED, SKIPPED }

    /**
     * What argo decided: an error line or a stopped run ({@code REFUSED}), a document it logged as not
     * valid YAML and skipped ({@code UNREAD}), or nothing at all ({@code SILENT}: linted clean, or not an
     * object it lints).
     */
    enum Argo { REFUSED, UNREAD, IGNORED, SILENT }

    /**
     * One document (or the rest of a file that the two sides split differently) with both answers.
     *
     * @param set      which input set it came from
     * @param file     the file
     * @param kind     the document's kind as we read it, or empty (the unit is a whole file, or not one document)
     * @param label    the file, and the document's name when the file has several
     * @param ourFindings  our errors and notes, formatted {@code path: message}
     * @param argoSays argo's messages (errors, the logged YAML problem, or the stopped run's error)
     */
    record Unit(String set, Path file, String kind, String label, Ours ours, List<String> ourFindings, Argo argo, List<String> argoSays) {
        boolean agree() {
            return switch (ours) {
                case REFUSED -> argo == Argo.REFUSED;
                case ACCEPTED -> argo == Argo.SILENT;
                case SKIPPED -> argo != Argo.REFUSED;
            };
        }

        Unit ignoredByArgo() {
            return new Unit(set, file, kind, label, ours, ourFindings, Argo.IGNORED, argoSays);
        }
    }

    /** The plain objects argo-gke lints beside Argo's ({@link dev.argogke.workflows.lint.JobObjects}), and the Secret it refuses. */
    private static final java.util.Set<String> JOB_OBJECTS = java.util.Set.of("ConfigMap", "ExternalSecret", "Secret");

    private Verdicts() {
    }

    static List<Unit> pair(String set, Map<Path, OurAnswer> ours, Map<Path, ArgoAnswer> argo) {
        List<Unit> units = new ArrayList<>();
        for (OurAnswer o : ours.values()) {
            ArgoAnswer a = argo.get(o.file());
            if (a == null) {
                throw new IllegalStateException("argo lint gave no answer for " + o.file());
            }
            units.addAll(pairFile(set, o, a));
        }
        return units;
    }

    private static List<Unit> pairFile(String set, OurAnswer o, ArgoAnswer a) {
        String file = o.file().toString();
        // One unit for the file when either side stopped reading it (the two YAML readers then split the text
        // differently), when argo logged a document it could not read (its log line names no document, so it
        // cannot be paired with one of ours), or when it holds one document; else one per document, paired by
        // the name argo prints.
        boolean whole = a.abort() != null || !o.fileLevel().isEmpty() || !a.unread().isEmpty()
                || o.documents().size() <= 1 && a.errors().size() <= 1;
        if (whole) {
            List<Finding> all = new ArrayList<>(o.fileLevel());
            o.documents().forEach(d -> all.addAll(d.findings()));
            if (o.documents().isEmpty() && o.fileLevel().isEmpty()) {
                // No document at all (an empty file, or only "null"): nothing for either side to lint.
                return List.of(new Unit(set, o.file(), "", file, Ours.SKIPPED, List.of(), a.refused() ? Argo.REFUSED
                        : a.unread().isEmpty() ? Argo.SILENT : Argo.UNREAD, a.unread()));
            }
            String kind = o.documents().size() == 1 && o.fileLevel().isEmpty() ? o.documents().get(0).kind() : "";
            return List.of(unit(set, o.file(), kind, file, all, a.abort() != null ? List.of(a.abort()) : flatten(a.errors()), a.unread()));
        }
        Map<String, List<String>> argoLeft = new LinkedHashMap<>(a.errors());
        java.util.Set<String> ourKeys = new java.util.HashSet<>();
        o.documents().forEach(d -> ourKeys.add(d.key() + " (" + d.kind() + ")"));
        List<Unit> units = new ArrayList<>();
        for (OurAnswer.Document d : o.documents()) {
            List<String> says = argoAbout(argoLeft, d, ourKeys);
            units.add(unit(set, o.file(), d.kind(), file + " " + d.key(), d.findings(), says == null ? List.of() : says, List.of()));
        }
        if (!argoLeft.isEmpty() || !a.unread().isEmpty()) {
            units.add(unit(set, o.file(), "", file + " (rest of the file)", List.of(), flatten(argoLeft), a.unread()));
        }
        return units;
    }

    /**
     * Takes argo's errors about our document {@code d}: those under its name and kind, else (argo read the
     * kind differently) the first under its name alone that is not another of our documents' name and kind
     * (a job's WorkflowTemplate, CronWorkflow and ExternalSecret share one name).
     */
    private static List<String> argoAbout(Map<String, List<String>> argoLeft, OurAnswer.Document d, java.util.Set<String> ourKeys) {
        List<String> exact = argoLeft.remove(d.key() + " (" + d.kind() + ")");
        if (exact != null) {
            return exact;
        }
        for (String key : List.copyOf(argoLeft.keySet())) {
            if (key.startsWith(d.key() + " (") && !ourKeys.contains(key)) {
                return argoLeft.remove(key);
            }
        }
        return null;
    }

    private static Unit unit(String set, Path path, String kind, String label, List<Finding> findings, List<String> argoErrors, List<String> unread) {
        Ours ours = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Ours.REFUSED
                : findings.stream().anyMatch(f -> f.severity() == Severity.NOTE && f.message().startsWith("skipped")) ? Ours.SKIPPED
                : Ours.ACCEPTED;
        Severity shown = ours == Ours.REFUSED ? Severity.ERROR : Severity.NOTE;
        List<String> ourFindings = findings.stream().filter(f -> f.severity() == shown)
                .map(f -> (f.path().isEmpty() ? "" : f.path() + ": ") + f.message()).toList();
        Argo argo = !argoErrors.isEmpty() ? Argo.REFUSED : !unread.isEmpty() ? Argo.UNREAD
                // argo lint never lints these kinds (cmd/argo/lint/lint.go: "case *wfv1.WorkflowEventBinding: // noop",
                // and "default: continue" for the objects that are not Argo's, a job's ConfigMap and ExternalSecret
                // among them), which a file alone shows ("found nothing to lint") only when the file holds nothing else.
                : kind.equals("WorkflowEventBinding") || JOB_OBJECTS.contains(kind) ? Argo.IGNORED : Argo.SILENT;
        return new Unit(set, path, kind, label, ours, ourFindings, argo, argoErrors.isEmpty() ? unread : argoErrors);
    }

    private static List<String> flatten(Map<String, List<String>> errors) {
        List<String> out = new ArrayList<>();
        errors.forEach((name, messages) -> messages.forEach(m -> out.add("in \"" + name + "\": " + m)));
        return out;
    }
}
