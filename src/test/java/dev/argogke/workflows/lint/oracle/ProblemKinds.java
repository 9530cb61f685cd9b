package dev.argogke.workflows.lint.oracle;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The kind of problem a refusal names, coarse enough to compare the two linters' words: the text is not
 * readable ({@code yaml}), a field is unknown or of the wrong type ({@code schema}: argo's strict decoding),
 * or a rule of the workflow is broken ({@code rule}: argo's validate package). Where both linters refuse a
 * document, the oracle counts how often they name the same kind.
 */
final class ProblemKinds {
    private static final Pattern OUR_YAML = Pattern.compile(
            "^(invalid YAML|not UTF-8 text|document \\d+ is not a mapping|mapping keys must be plain scalars|nesting deeper than)");
    private static final Pattern OUR_SCHEMA = Pattern.compile("^apiVersion: |^document \\d+ is not a mapping|^unknown field |: (unknown field |expected "
            + "(a|an|true) |\"[^\"]*\" is not one of |expected one of |unquoted \\S+ is a boolean|this key is given twice|\"[^\"]*\" is not a "
            + "Kubernetes quantity|a plugin template names exactly one plugin)");
    private static final Pattern ARGO_YAML = Pattern.compile("error converting YAML to JSON|yaml: line \\d+|invalid Unicode");
    private static final Pattern ARGO_SCHEMA = Pattern.compile(
            "strict decoding error|cannot unmarshal|failed to parse YAML from file|unknown field|duplicate field|Object 'Kind' is missing");

    private ProblemKinds() {
    }

    static Set<String> ours(List<String> findings) {
        Set<String> kinds = new TreeSet<>();
        for (String f : findings) {
            // A document that is not a mapping is both: Argo's decoding into an object is what fails on it.
            if (OUR_YAML.matcher(f).find()) {
                kinds.add("yaml");
            }
            kinds.add(OUR_SCHEMA.matcher(f).find() ? "schema" : OUR_YAML.matcher(f).find() ? "yaml" : "rule");
        }
        return kinds;
    }

    static Set<String> argo(List<String> says) {
        Set<String> kinds = new TreeSet<>();
        for (String s : says) {
            // The offline template index stops on a document it cannot read or decode: either kind.
            if (s.startsWith("failed to parse YAML from file ")) {
                kinds.add("yaml");
            }
            kinds.add(ARGO_YAML.matcher(s).find() ? "yaml" : ARGO_SCHEMA.matcher(s).find() ? "schema" : "rule");
        }
        return kinds;
    }

    /** Whether both name at least one kind of problem in common. */
    static boolean shareAKind(Verdicts.Unit u) {
        Set<String> common = new TreeSet<>(ours(u.ourFindings()));
        common.retainAll(argo(u.argoSays()));
        return !common.isEmpty();
    }
}
