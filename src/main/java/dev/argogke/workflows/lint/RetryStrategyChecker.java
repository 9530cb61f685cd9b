package dev.argogke.workflows.lint;

import dev.argogke.tree.Tree;
import dev.argogke.workflows.cron.GoDuration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for a retryStrategy, of a template or of the whole workflow. */
final class RetryStrategyChecker {
    private static final Set<String> RETRY_POLICIES = Set.of("Always", "OnFailure", "OnError", "OnTransientError");

    private RetryStrategyChecker() {
    }

    static void check(DocumentFindings out, Map<String, Object> retry, String rp) {
        if (retry.isEmpty()) {
            return;
        }
        String policy = Tree.text(retry.get("retryPolicy"));
        if (!policy.isEmpty() && !policy.contains("{{") && !RETRY_POLICIES.contains(policy)) {
            out.error(Tree.join(rp, "retryPolicy"), "retryPolicy '" + policy + "' is not one of Always, OnFailure, OnError,"
                    + " OnTransientError");
        }
        Object limit = retry.get("limit");
        String lp = Tree.join(rp, "limit");
        // The controller reads limit as an int32 (operator.go processNodeRetries, v4.0.7): text that is not a
        // number fails the node when it first needs a retry; a negative number is reached at once (no retry),
        // which neither argo lint nor the CRD (int-or-string, no minimum) refuses.
        String negativeLimit = "limit is negative: Argo makes no retry at all; write 0 for none, or the number of retries";
        if (limit instanceof Number n && n.longValue() < 0) {
            out.warning(lp, negativeLimit);
        } else if (limit instanceof String s && !s.contains("{{")) {
            if (!TemplateChecker.isWholeNumber(s.strip())) {
                out.error(lp, "limit must be a whole number or an Argo variable, got \"" + ValueText.abbreviate(s) + "\"");
            } else if (s.strip().startsWith("-")) {
                out.warning(lp, negativeLimit);
            }
        }
        Map<String, Object> backoff = Tree.map(retry.get("backoff"));
        for (String field : List.of("duration", "maxDuration", "cap")) {
            String d = Tree.string(backoff.get(field));
            // Argo reads a bare number as seconds, else a Go duration (retry backoff parsing).
            if (d != null && !d.isEmpty() && !d.contains("{{") && !TemplateChecker.isWholeNumber(d) && !GoDuration.isDuration(d)) {
                out.error(Tree.join(Tree.join(rp, "backoff"), field),
                        "\"" + ValueText.abbreviate(d) + "\" is not a duration such as 10s, 2m or 1h (or a number of seconds)");
            }
        }
        Object factor = backoff.get("factor");
        // A factor below 1 is ignored: the wait stays at duration (operator.go processNodeRetries, v4.0.7).
        if (factor instanceof Number n && n.longValue() < 0) {
            out.warning(Tree.join(Tree.join(rp, "backoff"), "factor"), "factor is negative: Argo ignores it and waits"
                    + " duration between retries every time");
        }
    }
}
