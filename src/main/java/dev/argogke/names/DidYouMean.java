package dev.argogke.names;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Did you mean": the known name closest to a mistyped one, as the Pulumi CLI picks it for a
 * misspelt key of Pulumi.yaml (pulumi/pulumi v3.259.0 sdk/go/common/workspace/project.go,
 * findClosestKey with maxValidationAttributeDistance): Levenshtein distance of the lower-cased
 * names (one insertion, deletion or substitution each), at most 2, ties to the first name in
 * alphabetical order. Cobra, behind the argo, kubectl and helm CLIs, uses the same distance and
 * bound for commands (spf13/cobra v1.10.2 command.go SuggestionsFor, SuggestionsMinimumDistance 2).
 */
public final class DidYouMean {
    /** maxValidationAttributeDistance. */
    static final int MAX_DISTANCE = 2;

    private DidYouMean() {
    }

    /** The name in {@code known} closest to {@code typed}, if it is within {@value #MAX_DISTANCE} edits. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
