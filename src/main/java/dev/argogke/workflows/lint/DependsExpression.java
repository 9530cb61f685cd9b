package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A DAG task's {@code depends} expression: task names, optionally with a result
 * ({@code A.Succeeded}), combined with {@code &&}, {@code ||}, {@code !} and parentheses.
 *
 * <p>Argo v4.1 (workflow/common/ancestry.go) finds the task references with a regular expression
 * and leaves the operators to expr-lang at run time, so a broken expression passes {@code argo lint}
 * and fails when the DAG runs. This parser checks the whole grammar up front.
 */
final class DependsExpression {
    /** The results a task can be tested for (Argo's TaskResult values). */
    static final Set<String> RESULTS =
            Set.of("Succeeded", "Failed", "Errored", "Skipped", "Omitted", "Daemoned", "AnySucceeded", "AllFailed");
    /** Results that look at the items of a looped task (withItems, withParam, withSequence). */
    static final Set<String> ITEM_RESULTS = Set.of("AnySucceeded", "AllFailed");

    /** One task named by the expression; {@code result} is empty for a bare name. */
    record Reference(String task, String result, int offset) {
    }

    /** Why an expression does not parse; {@code offset} is 0-based within the expression. */
    static final class SyntaxError extends Exception {
        final int offset;

        SyntaxError(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final String text;
    private final List<Reference> references = new ArrayList<>();
    private int pos;

    private DependsExpression(String text) {
        this.text = text;
    }

    /** The task references of {@code text} in order; throws when it is not a valid expression. */
    static List<Reference> parse(String text) throws SyntaxError {
        DependsExpression p = new DependsExpression(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new SyntaxError("depends is empty", 0);
        }
        p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            if (c == ')') {
                throw new SyntaxError("')' at column " + (p.pos + 1) + " has no matching '('", p.pos);
            }
            throw new SyntaxError("expected && or || at column " + (p.pos + 1) + ", found '" + rest(text, p.pos) + "'", p.pos);
        }
        return List.copyOf(p.references);
    }

    private void or() throws SyntaxError {
        and();
        while (operator("||")) {
            and();
        }
    }

    private void and() throws SyntaxError {
        unary();
        while (operator("&&")) {
            unary();
        }
    }

    private void unary() throws SyntaxError {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '!') {
            pos++;
            unary();
            return;
        }
        primary();
    }

    private void primary() throws SyntaxError {
        skipSpace();
        if (pos >= text.length()) {
            throw new SyntaxError("expected a task name at the end of depends", pos);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            int open = pos++;
            or();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new SyntaxError("'(' at column " + (open + 1) + " is never closed", open);
            }
            pos++;
            return;
        }
        if (!isNameStart(c)) {
            throw new SyntaxError("expected a task name at column " + (pos + 1) + ", found '" + rest(text, pos) + "'", pos);
        }
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String task = text.substring(start, pos);
        String result = "";
        if (pos < text.length() && text.charAt(pos) == '.') {
            int dot = pos++;
            int resultStart = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            result = text.substring(resultStart, pos);
            if (result.isEmpty()) {
                throw new SyntaxError("expected a result such as " + task + ".Succeeded at column " + (dot + 1), dot);
            }
            if (!RESULTS.contains(result)) {
                String suggestion = DidYouMean.closest(result, RESULTS).orElse(null);
                throw new SyntaxError("task result '" + result + "' for task '" + task + "' is invalid; "
                        + (suggestion != null ? "did you mean '" + suggestion + "'?"
                        : "use one of Succeeded, Failed, Errored, Skipped, Omitted, Daemoned, AnySucceeded, AllFailed"), resultStart);
            }
        }
        references.add(new Reference(task, result, start));
    }

    private boolean operator(String op) throws SyntaxError {
        skipSpace();
        if (text.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        if (pos < text.length()) {
            char c = text.charAt(pos);
            if ((c == '&' || c == '|') && !text.startsWith("&&", pos) && !text.startsWith("||", pos)) {
                throw new SyntaxError("'" + c + "' at column " + (pos + 1) + " is not an operator; write " + c + c, pos);
            }
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    // Task names follow Argo's workflow field names: [a-zA-Z0-9][-a-zA-Z0-9]*.
    private static boolean isNameStart(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c == '-';
    }

    private static String rest(String text, int pos) {
        String r = text.substring(pos);
        return r.length() > 12 ? r.substring(0, 12) + "..." : r;
    }
}
