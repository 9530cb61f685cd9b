package dev.argogke;

import dev.argogke.deploy.CheckedRun;

/** The jar's entry point, which the Pulumi CLI's Java language host starts: see {@link CheckedRun}. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        System.exit(CheckedRun.run(ProjectRoot.ofEntryPoint()));
    }
}
