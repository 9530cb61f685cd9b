package dev.argogke.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Upstream sources read from the Go module cache the end-to-end tier fills ({@code ~/.cache/argo-gke/gomod},
 * as {@code e2e/tools.sh} and {@code bin/e2e} set GOMODCACHE): a module's files as its authors tagged them.
 * When the module is not there, it is downloaded with {@code go mod download} if Go is installed; without
 * it the calling test is skipped, except under {@code CI=true}, where that fails (as {@link Shared}).
 */
public final class GoModules {
    private GoModules() {
    }

    /** The module's folder, e.g. {@code module("github.com/external-secrets/external-secrets", "v1.3.2")}. */
    public static Path module(String path, String version) {
        Path cache = cache();
        Path dir = cache.resolve(escape(path) + "@" + version);
        if (!Files.isDirectory(dir)) {
            download(cache, path + "@" + version);
        }
        if (!Files.isDirectory(dir)) {
            String why = "the Go module " + path + "@" + version + " is not at " + dir + " and `go mod download` could not fetch it";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true requires it)");
            }
            assumeTrue(false, why + ": skipping the tests that need it");
        }
        return dir;
    }

    private static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return Path.of(System.getProperty("argogke.gomod", base.resolve("argo-gke/gomod").toString()));
    }

    /** The module cache's case encoding: an upper-case letter becomes '!' and the letter in lower case. */
    private static String escape(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(Character.isUpperCase(c) ? "!" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static void download(Path cache, String moduleAtVersion) {
        try {
            Path scratch = Files.createTempDirectory("gomod");
            ProcessBuilder go = new ProcessBuilder("go", "mod", "download", moduleAtVersion)
                    .directory(scratch.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            go.environment().put("GOMODCACHE", cache.toString());
            go.environment().put("GOTOOLCHAIN", "local");
            go.environment().put("GOFLAGS", "-mod=mod");
            Process p = go.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no Go here: the caller skips
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
