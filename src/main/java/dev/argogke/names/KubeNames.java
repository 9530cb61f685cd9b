package dev.argogke.names;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names the Kubernetes API server takes, as k8s.io/apimachinery v0.36.5
 * pkg/util/validation/validation.go defines them: a DNS-1123 label (IsDNS1123Label: namespaces) and
 * a DNS-1123 subdomain (IsDNS1123Subdomain: the names of most objects, CronJobs and Argo's kinds
 * among them).
 */
public final class KubeNames {
    /** DNS1123LabelMaxLength. */
    private static final int LABEL_MAX = 63;
    /** DNS1123SubdomainMaxLength. */
    private static final int SUBDOMAIN_MAX = 253;

    /** dns1123LabelFmt. */
    private static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern LABEL = Pattern.compile(LABEL_FORMAT);

    /** dns1123SubdomainFmt: labels joined by dots. Lengths are checked apart, as upstream does. */
    private static final Pattern SUBDOMAIN = Pattern.compile(LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*");

    private KubeNames() {
    }

    /** IsDNS1123Label: a namespace name. */
    public static boolean isLabel(String name) {
        return name.length() <= LABEL_MAX && LABEL.matcher(name).matches();
    }

    /** IsDNS1123Subdomain: an object name. */
    public static boolean isSubdomain(String name) {
        return subdomainProblem(name).isEmpty();
    }

    /**
     * Why {@code name} is not a DNS-1123 subdomain, in words that finish "it ...", or empty when it is
     * one. The length comes first, as IsDNS1123Subdomain reports it first.
     */
    public static Optional<String> subdomainProblem(String name) {
        if (name.length() > SUBDOMAIN_MAX) {
            return Optional.of("must be at most " + SUBDOMAIN_MAX + " characters");
        }
        if (!SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
                    + " (a DNS-1123 subdomain)");
        }
        return Optional.empty();
    }
}
