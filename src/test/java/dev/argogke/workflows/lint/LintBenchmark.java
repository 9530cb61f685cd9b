package dev.argogke.workflows.lint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link Linter#lint} once the JVM is warm, for {@code bench/lint.sh} (not a test: figures
 * are printed, never asserted). Usage: {@code LintBenchmark LABEL PATH...}.
 *
 * <p>Prints the wall-clock rate and, because a shared machine can be busy with other work, also the
 * rate per CPU second the run used (all threads of the process, as the linter reads files in parallel).
 */
public final class LintBenchmark {
    // Enough runs for the JIT to finish compiling the hot paths, also on a busy machine.
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final int WARM_UP_RUNS = 15;
    private static final long MEASURE_NANOS = 5_000_000_000L;
    private static final int MEASURE_RUNS = 5;

    private LintBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: LintBenchmark LABEL PATH...");
            System.exit(2);
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            paths.add(Path.of(args[i]));
        }
        long start = System.nanoTime();
        int documents = 0;
        for (int run = 0; run < WARM_UP_RUNS || System.nanoTime() - start < WARM_UP_NANOS; run++) {
            documents = Linter.lint(paths).documents();
        }
        int rounds = 0;
        long cpuStart = processCpuNanos();
        start = System.nanoTime();
        long elapsed;
        do {
            Linter.lint(paths);
            rounds++;
            elapsed = System.nanoTime() - start;
        } while (rounds < MEASURE_RUNS || elapsed < MEASURE_NANOS);
        double seconds = elapsed / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%-46s %5d docs  %8.0f docs/s  (%.1f ms per run, %d runs; %.0f docs per CPU second)%n",
                args[0] + ", JVM start excluded:", documents, documents * rounds / seconds, 1000 * seconds / rounds, rounds,
                documents * rounds / cpuSeconds);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime();
    }
}
