package dev.argogke.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {
    /** The attributes of a Pulumi.yaml {@code template} (pulumi/pulumi v3.259.0 sdk/go/common/workspace/project.json). */
    private static final List<String> TEMPLATE = List.of("displayName", "description", "quickstart", "important",
            "metadata", "config");

    @Test
    void suggestsWhatThePulumiCliSuggestsForAMisspeltProjectKey() {
        // sdk/go/common/workspace/project_test.go, TestProjectLoadJSONInformativeErrors:
        // "'displatName' not allowed; did you mean 'displayName'?"
        assertEquals(Optional.of("displayName"), DidYouMean.closest("displatName", TEMPLATE));
        // "'displayNameDisplayName' not allowed; the allowed attributes are ..." (no suggestion)
        assertEquals(Optional.empty(), DidYouMean.closest("displayNameDisplayName", TEMPLATE));
        // plugins.providers[0]: "'nome' not allowed; did you mean 'name'" (pluginOptions: name, path, version)
        assertEquals(Optional.of("name"), DidYouMean.closest("nome", List.of("name", "path", "version")));
        // backend: "'name' not allowed; the only allowed attribute is 'url'" (no suggestion)
        assertEquals(Optional.empty(), DidYouMean.closest("name", List.of("url")));
        // "project is missing a 'name' attribute ... found 'Name' instead": case does not count
        assertEquals(Optional.of("Name"), DidYouMean.closest("name", List.of("Name", "runtime")));
    }

    @ParameterizedTest
    @CsvSource({
        // spf13/cobra v1.10.2 command_test.go TestSuggestions, the cases its Levenshtein bound of 2
        // decides (not those it suggests by prefix, "t" and "ti", or by SuggestFor, "counts")
        "time, times", "tiems, times", "tims, times", "timeS, times", "rimes, times", "timely, times",
        "ri, ''", "timezone, ''", "foo, ''",
    })
    void suggestsWithinTwoEditsAsCobraDoes(String typed, String suggested) {
        assertEquals(suggested.isEmpty() ? Optional.empty() : Optional.of(suggested),
                DidYouMean.closest(typed, List.of("times")));
    }

    @Test
    void aTieGoesToTheFirstNameInAlphabeticalOrder() {
        // findClosestKey sorts the keys first, "so that ... the result will be deterministic (and be the first alphabetically)"
        assertEquals(Optional.of("bat"), DidYouMean.closest("cat", List.of("hat", "bat")));
    }

    @ParameterizedTest
    @CsvSource({
        // cobra_test.go TestLevenshteinDistance: kitten/sitting 3; and a transposition is two edits
        "kitten, sitting, 3", "hello, hello, 0", "'', '', 0", "abc, '', 3", "contianer, container, 2",
    })
    void distanceIsLevenshteins(String a, String b, int distance) {
        assertEquals(distance, DidYouMean.distance(a, b));
    }
}
