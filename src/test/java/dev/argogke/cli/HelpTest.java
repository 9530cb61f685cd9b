package dev.argogke.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.Cli;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rough edges of --help: it works on every command, and the top-level list shows whole sentences. */
class HelpTest {
    /** The README's table of commands, and picocli's help command. */
    static final Set<String> COMMANDS = Set.of("plan", "lint", "diff", "cost", "check", "import-cronjobs",
            "status", "run", "backfill", "help");

    @Test
    void theCommandsAreTheReadmesCommands() {
        assertEquals(COMMANDS, Set.copyOf(summaries().keySet()));
    }

    /** picocli's standard help options (mixinStandardHelpOptions): -h and --help print the usage to stdout and exit 0. */
    @ParameterizedTest
    @ValueSource(strings = {"plan", "lint", "diff", "cost", "check", "import-cronjobs", "status", "run", "backfill", "help", ""})
    void helpAndHOnEveryCommandPrintItsUsageAndExitZero(String command) {
        for (String flag : List.of("--help", "-h")) {
            Cli.Run run = command.isEmpty() ? Cli.run(flag) : Cli.run(command, flag);
            assertEquals(0, run.exitCode(), command + " " + flag + ": " + run.err());
            // picocli's help command puts its header line above the usage; the others start with it.
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Usage: argo-gke " + (command.isEmpty() ? "[" : command + " "))),
                    run.out());
            assertEquals("", run.err(), command + " " + flag);
        }
    }

    /**
     * The list of commands shows the first line of each command's description (picocli's
     * usage help, "Subcommands" section); each must be a whole sentence, not cut where a longer
     * description happened to wrap.
     */
    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        summaries().forEach((command, summary) ->
                assertTrue(summary.endsWith("."), command + "'s summary is cut mid-sentence: " + summary));
    }

    /** The README's configuration table: workflows.namespace defaults to argo-workflows (the help said argo). */
    @ParameterizedTest
    @ValueSource(strings = {"status", "run", "backfill"})
    void theNamespaceFlagNamesTheWorkflowsNamespaceAsItsDefault(String command) {
        String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("wins over the stack's workflows.namespace (default: argo-workflows)."), help);
    }

    /** The issue: the top-level usage said "argo-gke argo-gke --help". */
    @Test
    void aMistakeAtTheTopLevelPointsAtArgoGkeHelpOnce() {
        Cli.Run run = Cli.run("deploy");
        assertEquals(2, run.exitCode());
        assertEquals("error: Unmatched argument at index 0: 'deploy'\nTry 'argo-gke --help'.\n", run.err());
    }

    @Test
    void aMistakeInACommandPointsAtThatCommandsHelp() {
        Cli.Run run = Cli.run("check", "--stak", "dev");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().endsWith("\nTry 'argo-gke check --help'.\n"), run.err());
    }

    /** The "Commands:" section of the top-level help, each command's text joined across picocli's wrapped lines. */
    private static Map<String, String> summaries() {
        Cli.Run run = Cli.run("--help");
        List<String> lines = run.out().lines().toList();
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        List<String> text = new ArrayList<>();
        for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                if (current != null) {
                    out.put(current, String.join(" ", text));
                }
                String[] parts = line.strip().split("\\s+", 2);
                current = parts[0];
                text = new ArrayList<>(List.of(parts[1]));
            } else {
                text.add(line.strip());
            }
        }
        out.put(current, String.join(" ", text));
        return out;
    }
}
