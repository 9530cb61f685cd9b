package dev.argogke.workflows.lint;

import java.util.regex.Pattern;

/** Value formats the Kubernetes API server checks (k8s.io/apimachinery validation and resource.Quantity). */
final class KubeValues {
    private KubeValues() {
    }

    // k8s.io/apimachinery/pkg/util/validation: IsDNS1123Label / IsDNS1123Subdomain.
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    static final int DNS1123_SUBDOMAIN_MAX = 253;
    static final int DNS1123_LABEL_MAX = 63;

    // k8s.io/apimachinery/pkg/api/resource ParseQuantity: a signed decimal number, then a binary
    // suffix (Ki..Ei), a decimal SI suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
    private static final Pattern QUANTITY =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

    static boolean isDns1123Label(String name) {
        return name.length() <= DNS1123_LABEL_MAX && DNS1123_LABEL.matcher(name).matches();
    }

    static boolean isQuantity(String text) {
        return QUANTITY.matcher(text.strip()).matches();
    }

    /** Why {@code name} is not a valid object name, or null when it is. */
    static String objectNameProblem(String name) {
        if (name.length() > DNS1123_SUBDOMAIN_MAX) {
            return "must be at most 253 characters";
        }
        if (!DNS1123_SUBDOMAIN.matcher(name).matches()) {
            return "must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
                    + " (a DNS-1123 subdomain)";
        }
        return null;
    }
}
