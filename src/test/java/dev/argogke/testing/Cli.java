package dev.argogke.testing;

import dev.argogke.ProjectRoot;
import dev.argogke.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Runs the command line in-process and captures what it prints, through picocli's own
 * {@link CommandLine#setOut}/{@link CommandLine#setErr}: no global streams are swapped, so tests
 * may run side by side.
 */
public final class Cli {
    public record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** The command line on the project in the working directory (where Maven runs the tests), at the real time. */
    public static Run run(String... args) {
        return run(new Main(ProjectRoot.of(null), Clock.systemUTC()), args);
    }

    /** The command line with a test's project folder and clock. */
    public static Run run(Main main, String... args) {
        // Bytes in UTF-8, as the terminal gets them: text that is not valid Unicode (a lone
        // surrogate) reads back as '?', as it does from bin/argo-gke.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = main.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Run(code, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    /** Runs {@code main}, appending what it prints to {@code out} and {@code err}. */
    public static int run(Main main, StringWriter out, StringWriter err, String... args) {
        CommandLine cli = main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }
}
