package dev.argogke.workflows.manifest;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Tabs after a mapping key, which YAML 1.2 allows as separation white space ("Outside indentation and scalar
 * content, YAML uses white space characters for separation between tokens within a line ... such white space may
 * safely include tab characters", yaml.org/spec/1.2.2 section 6.2) and which go-yaml (behind sigs.k8s.io/yaml, which
 * Argo and kubectl use) reads that way ({@code argo lint} v4.0.7 accepts {@code image:<TAB>alpine}), but which
 * SnakeYAML Engine (2.10, 3.1.1) refuses
 * in block context ("found character '\t(TAB)' that cannot start any token"). A tab after a sequence dash is
 * indentation to go-yaml too, and stays an error.
 */
final class GoYamlTabs {
    private GoYamlTabs() {
    }

    /**
     * {@code text} with the run of white space that holds the refused tab turned into spaces, when SnakeYAML's
     * error {@code e} is a tab right after a {@code key:} on the same line; null otherwise. Columns do not move.
     */
    static String separatorTabAsSpace(String text, MarkedYamlEngineException e) {
        if (e.getProblem() == null || !e.getProblem().contains("found character '\\t(TAB)' that cannot start any token")
                || e.getProblemMark().isEmpty()) {
            return null;
        }
        int tab = offset(text, e.getProblemMark().get());
        if (tab < 0) {
            return null;
        }
        int before = tab - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0 || text.charAt(before) != ':') {
            return null;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = before + 1; i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
            out.setCharAt(i, ' ');
        }
        return out.toString();
    }

    /** The index in {@code text} of the tab the mark points at (its index counts code points), or -1. */
    private static int offset(String text, Mark mark) {
        int codePoints = text.codePointCount(0, text.length());
        if (mark.getIndex() < 0 || mark.getIndex() >= codePoints) {
            return -1;
        }
        int i = text.offsetByCodePoints(0, mark.getIndex());
        return text.charAt(i) == '\t' ? i : -1;
    }
}
