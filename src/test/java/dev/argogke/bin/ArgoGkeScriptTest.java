package dev.argogke.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/argo-gke builds the jar on first use. The issue: the first plan was silent for 40 s while it
 * did. Run here on a copy of the script with stand-ins for mvn and java on the PATH: mvn prints
 * the plugin lines Maven 3.8.7 printed for this project's `mvn -B package` (recorded from a real
 * build) and makes the jar; java says it ran.
 */
class ArgoGkeScriptTest {
    static final String MAVEN_LINES = """
            [INFO] Scanning for projects...
            [INFO] --- maven-resources-plugin:2.6:resources (default-resources) @ argo-gke ---
            [INFO] Copying 3 resources
            [INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ argo-gke ---
            [INFO] Compiling 260 source files with javac [debug target 17] to target/classes
            [INFO] --- maven-jar-plugin:3.4.2:jar (default-jar) @ argo-gke ---
            [INFO] --- maven-dependency-plugin:3.8.1:copy-dependencies (copy-runtime-dependencies) @ argo-gke ---
            [INFO] BUILD SUCCESS
            """;

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void theFirstRunSaysItIsBuildingAndShowsEachStep() throws Exception {
        Run run = run(0);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("java ran: dev.argogke.cli.Main --version\n", run.out());
        List<String> err = run.err().lines().toList();
        assertTrue(err.get(0).startsWith("argo-gke: building the jar first (mvn -B package"), run.err());
        assertEquals(List.of("resources", "compile", "jar", "copy-dependencies"),
                err.subList(1, 5).stream().map(l -> l.replaceFirst("^argo-gke: +[0-9]+s ", "")).toList(), run.err());
        assertTrue(err.get(5).startsWith("argo-gke: built in "), run.err());
        assertEquals(6, err.size(), run.err());
    }

    @Test
    void aFailedBuildShowsMavensLogAndDoesNotRun() throws Exception {
        Run run = run(1);
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("[INFO] Compiling 260 source files"), run.err());
        assertTrue(run.err().endsWith("argo-gke: the build failed (Maven's log above)\n"), run.err());
    }

    @Test
    void aFreshJarIsNotRebuilt() throws Exception {
        assertEquals(0, run(0).exitCode());
        Run again = run(0, false);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.err());
    }

    private Run run(int mavenExit) throws Exception {
        return run(mavenExit, true);
    }

    /** A project with the real script, sources, and stand-in tools; the jar is made by the stand-in mvn. */
    private Run run(int mavenExit, boolean fresh) throws Exception {
        Path project = dir.resolve("project");
        Path tools = dir.resolve("tools");
        if (fresh) {
            Files.createDirectories(project.resolve("bin"));
            Files.createDirectories(project.resolve("src/main"));
            Files.createDirectories(tools);
            Files.writeString(project.resolve("pom.xml"), "<project/>");
            Files.copy(Path.of("bin/argo-gke"), project.resolve("bin/argo-gke"));
            Files.writeString(tools.resolve("lines.txt"), MAVEN_LINES);
            executable(tools.resolve("mvn"), "#!/bin/sh\ncat '" + tools.resolve("lines.txt") + "'\n"
                    + (mavenExit == 0 ? "mkdir -p target && : > target/argo-gke.jar\n" : "") + "exit " + mavenExit + "\n");
            executable(tools.resolve("java"), "#!/bin/sh\n"
                    + "echo \"java ran: $(echo \"$@\" | sed 's/.* \\(dev.argogke.cli.Main\\)/\\1/')\"\n");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve("bin/argo-gke").toString(), "--version");
        pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/argo-gke did not finish");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
