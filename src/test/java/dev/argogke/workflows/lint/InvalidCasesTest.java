package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code lint/invalid/} breaks one rule and says on its first line what the linter
 * must report: {@code # expect: <Kind/name> | <field path> | <message fragment>}. Linting the file on
 * its own must give exactly that one finding.
 */
class InvalidCasesTest {

    record Case(Path file, String resource, String path, String fragment) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        Path folder = Path.of(InvalidCasesTest.class.getResource("/lint/invalid").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(InvalidCasesTest::parse).toList().stream();
        }
    }

    private static Case parse(Path file) {
        try {
            String first = Files.readAllLines(file).get(0);
            String prefix = "# expect: ";
            assertTrue(first.startsWith(prefix), file + " must start with '" + prefix + "Kind/name | path | message'");
            String[] parts = first.substring(prefix.length()).split(" \\| ", -1);
            assertEquals(3, parts.length, file + ": expected 'Kind/name | path | message'");
            return new Case(file, parts[0].strip(), parts[1].strip(), parts[2].strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachInvalidFileYieldsExactlyItsExpectedFinding(Case c) {
        LintReport report = Linter.lint(List.of(c.file()));

        String listing = report.findings().stream().map(Finding::format).collect(Collectors.joining("\n"));
        assertEquals(1, report.findings().size(), "expected exactly one finding, got:\n" + listing);
        Finding f = report.findings().get(0);
        assertEquals(Severity.ERROR, f.severity(), listing);
        assertEquals(c.file(), f.file(), listing);
        assertEquals(c.resource(), f.resource(), listing);
        assertEquals(c.path(), f.path(), listing);
        assertTrue(f.message().contains(c.fragment()), "message should contain '" + c.fragment() + "':\n" + listing);
        assertFalse(report.clean());
    }

    @Test
    void thereIsACaseForEveryRuleFamily() throws Exception {
        // Guards against the folder silently going missing from the test class path.
        assertTrue(cases().count() >= 100, "expected the invalid cases under src/test/resources/lint/invalid");
    }
}
