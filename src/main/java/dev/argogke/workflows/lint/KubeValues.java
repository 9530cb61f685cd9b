package dev.argogke.workflows.lint;

import java.util.regex.Pattern;

/** Value formats the Kubernetes API server checks (resource.Quantity; names are {@link dev.argogke.names.KubeNames}). */
final class KubeValues {
    private KubeValues() {
    }

    // k8s.io/apimachinery/pkg/api/resource ParseQuantity: a signed decimal number, then a binary
    // suffix (Ki..Ei), a decimal SI suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
    private static final Pattern QUANTITY =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

    static boolean isQuantity(String text) {
        return QUANTITY.matcher(text.strip()).matches();
    }
}
