package dev.argogke.workflows.manifest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Tabs in the white space that starts a line, outside flow collections and quoted scalars: YAML 1.2 reads a
 * line such as {@code "  <TAB>"} as an empty (comment) line, and so does SnakeYAML, but go-yaml (behind
 * sigs.k8s.io/yaml, which Argo and kubectl use) does not skip a tab where a block key may start (goyaml.v2
 * scannerc.go yaml_parser_scan_to_next_token: "Tabs are allowed: in the flow context; in the block context,
 * but not at the beginning of the line") and stops with "found character that cannot start any token", so
 * {@code argo lint} skips the document. Inside a block scalar a tab is content from the content indentation on,
 * and inside a plain scalar's continuation lines from one column past the enclosing block on (scannerc.go: "tab
 * characters that abuse indentation"); there go-yaml and SnakeYAML agree.
 */
final class GoYamlIndentTabs {
    // Deeper documents are refused by the loader anyway (ManifestLoader.MAX_DEPTH).
    private static final int MAX_DEPTH = 200;
    private final String[] lines;
    /** Lines (0-based) inside a node where a leading tab is allowed, and the first column where it is. */
    private final Map<Integer, Integer> allowedFrom = new HashMap<>();
    private int checkedUpTo;

    GoYamlIndentTabs(String text) {
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    /** The first refused tab from where the last check ended up to the end of {@code document}, or empty. */
    Optional<SourcePosition> checkThrough(Node document) {
        allowInside(document);
        int end = document.getEndMark().map(Mark::getLine).orElse(lines.length - 1);
        return check(end);
    }

    /** The first refused tab in the lines not checked yet (after the last document), or empty. */
    Optional<SourcePosition> checkRest() {
        return check(lines.length - 1);
    }

    private Optional<SourcePosition> check(int lastLine) {
        for (int line = checkedUpTo; line <= Math.min(lastLine, lines.length - 1); line++) {
            String text = lines[line];
            for (int col = 0; col < text.length() && (text.charAt(col) == ' ' || text.charAt(col) == '\t'); col++) {
                if (text.charAt(col) == '\t' && col < allowedFrom.getOrDefault(line, Integer.MAX_VALUE)) {
                    return Optional.of(new SourcePosition(line + 1, col + 1));
                }
            }
        }
        checkedUpTo = Math.max(checkedUpTo, lastLine + 1);
        return Optional.empty();
    }

    private void allowInside(Node node) {
        allowInside(node, 0, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Walks the node graph once per node: an alias may make it a cycle ({@code a: &a [*a]}). */
    private void allowInside(Node node, int depth, Set<Node> seen) {
        if (depth > MAX_DEPTH || !seen.add(node)) {
            return;
        }
        if (node instanceof ScalarNode s) {
            if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED || s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED) {
                allowLinesAfterStart(node, 0);
            } else if (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED) {
                allowLinesAfterStart(node, blockScalarIndent(node));
            } else {
                allowLinesAfterStart(node, startLineIndent(node) + 1);
            }
            return;
        }
        if (node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW) {
            allowLinesAfterStart(node, 0);
            return;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                allowInside(t.getKeyNode(), depth + 1, seen);
                allowInside(t.getValueNode(), depth + 1, seen);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(item -> allowInside(item, depth + 1, seen));
        }
    }

    /** The lines after the node's first one, to its last (the end mark's line counts if it is not at column 0). */
    private void allowLinesAfterStart(Node node, int fromColumn) {
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        if (start.isEmpty() || end.isEmpty()) {
            return;
        }
        int last = end.get().getColumn() == 0 ? end.get().getLine() - 1 : end.get().getLine();
        for (int line = start.get().getLine() + 1; line <= last; line++) {
            allowedFrom.merge(line, fromColumn, Math::min);
        }
    }

    /** The indentation of the block scalar's first line with content (YAML 1.2 section 8.1.1.1). */
    private int blockScalarIndent(Node node) {
        int first = node.getStartMark().map(Mark::getLine).orElse(0) + 1;
        int last = node.getEndMark().map(Mark::getLine).orElse(first);
        for (int line = first; line <= Math.min(last, lines.length - 1); line++) {
            String text = lines[line];
            int spaces = 0;
            while (spaces < text.length() && text.charAt(spaces) == ' ') {
                spaces++;
            }
            if (spaces < text.length() && !text.isBlank()) {
                return spaces;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Where the line the node starts on has its first character: the block (key or dash) it belongs to. */
    private int startLineIndent(Node node) {
        int line = node.getStartMark().map(Mark::getLine).orElse(0);
        String text = line < lines.length ? lines[line] : "";
        int col = 0;
        while (col < text.length() && (text.charAt(col) == ' ' || text.charAt(col) == '\t')) {
            col++;
        }
        return col;
    }
}
