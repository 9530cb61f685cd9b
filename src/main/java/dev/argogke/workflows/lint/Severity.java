package dev.argogke.workflows.lint;

/** How serious a finding is. Only {@link #ERROR} makes a lint run fail. */
public enum Severity {
    /** Argo or the Kubernetes API server would reject the document, or it cannot work as written. */
    ERROR,
    /** Accepted, but very likely not what was meant. */
    WARNING,
    /** Information only, e.g. a document the linter does not check. */
    NOTE;

    /** The word compilers print: {@code error}, {@code warning}, {@code note}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
