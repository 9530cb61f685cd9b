package dev.argogke.migrate;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes a generated manifest as the YAML a person would write: block style, keys in the order
 * the generator put them, two-space indentation with indented list items, long strings on one
 * line, multi-line strings (scripts) as literal blocks.
 *
 * <p>Strings are quoted whenever a YAML 1.1 reader could take them for something else. SnakeYAML
 * Engine speaks YAML 1.2, where {@code yes}, {@code on} or {@code 0755} are plain strings, but
 * kubectl and the Kubernetes API machinery read YAML through go-yaml v2, a YAML 1.1 parser, for
 * which they are a boolean or an octal number (sigs.k8s.io/yaml; go-yaml v2 resolve.go).
 */
public final class CronWorkflowYaml {
    // YAML 1.1 implicit types (https://yaml.org/type/): bool, int, float, null, timestamp, merge, value.
    private static final Pattern YAML11_NON_STRING = Pattern.compile(String.join("|",
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            "[-+]?0b[0-1_]+",
            "[-+]?0[0-7_]+",
            "[-+]?(0|[1-9][0-9_]*)",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+",
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*",
            "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
            "~|null|Null|NULL|",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*",
            "<<|="));

    private CronWorkflowYaml() {
    }

    /** One document, preceded by {@code header} lines written as {@code #} comments. */
    public static String toYaml(Map<String, Object> document, List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return out.append(dump().dumpToString(document)).toString();
    }

    private static Dump dump() {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setSplitLines(false)
                .setWidth(4096)
                // A value used twice (the same list object) must not become an anchor and alias.
                .setDereferenceAliases(true)
                .build();
        return new Dump(settings, new Representer(settings));
    }

    static boolean ambiguousInYaml11(String s) {
        return YAML11_NON_STRING.matcher(s).matches();
    }

    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                ScalarStyle style;
                if (s.indexOf('\n') >= 0) {
                    style = ScalarStyle.LITERAL; // the emitter falls back to quotes when a block cannot hold it
                } else if (ambiguousInYaml11(s) || s.indexOf('*') >= 0) {
                    // '*': cron schedules and globs, which people expect quoted (and '*' starts an alias)
                    style = ScalarStyle.DOUBLE_QUOTED;
                } else {
                    style = ScalarStyle.PLAIN; // the emitter still quotes what YAML 1.2 would misread
                }
                return representScalar(Tag.STR, s, style);
            });
        }
    }
}
