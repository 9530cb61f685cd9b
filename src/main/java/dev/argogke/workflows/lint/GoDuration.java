package dev.argogke.workflows.lint;

import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration} syntax, which Argo uses for timeouts and retry backoff. */
final class GoDuration {
    private GoDuration() {
    }

    // A sequence of decimal numbers with a unit each (ns, us, µs, ms, s, m, h); "0" needs no unit.
    private static final Pattern DURATION =
            Pattern.compile("[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");

    static boolean isDuration(String text) {
        return DURATION.matcher(text).matches();
    }

    static boolean isWholeNumber(String text) {
        return text.matches("[+-]?[0-9]+");
    }
}
