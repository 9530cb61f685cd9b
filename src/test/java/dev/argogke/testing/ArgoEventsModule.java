package dev.argogke.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Go module github.com/argoproj/argo-events at the version argo-gke installs (argo-helm's argo-events
 * 2.4.22 = Argo Events v1.9.10, {@code ../shared/charts/README.md}), as the Go module proxy serves it, read
 * from a Go module cache. Nothing of it is committed. Fetch it once with
 * <pre>
 * cd "$(mktemp -d)" &amp;&amp; go mod init scratch &amp;&amp; GOTOOLCHAIN=local GOFLAGS=-mod=mod \
 *   GOMODCACHE=~/.cache/argo-gke/gomod go mod download -json github.com/argoproj/argo-events@v1.9.10
 * </pre>
 * The cache searched: {@code -Dargogke.gomodcache} alone when given, else {@code $GOMODCACHE}, {@code
 * ~/.cache/argo-gke/gomod} (where the e2e tooling keeps its modules) and what {@code go env GOMODCACHE} says. Without the module the
 * calling test is skipped with that message: the e2e tooling does not fetch this module, so it is skipped under
 * {@code CI=true} too.
 */
public final class ArgoEventsModule {
    public static final String MODULE = "github.com/argoproj/argo-events";
    public static final String VERSION = "v1.9.10";

    private ArgoEventsModule() {
    }

    /** The module's directory; skips the calling test when no cache searched has it. */
    public static Path folder() {
        List<Path> tried = new ArrayList<>();
        for (Path cache : caches()) {
            Path dir = cache.resolve(MODULE + "@" + VERSION);
            tried.add(dir);
            if (Files.isRegularFile(dir.resolve("go.mod"))) {
                return dir;
            }
        }
        assumeTrue(false, MODULE + "@" + VERSION + " is not in the Go module cache (looked at " + tried + "); fetch it with"
                + " GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMODCACHE=~/.cache/argo-gke/gomod go mod download -json "
                + MODULE + "@" + VERSION + " (in a scratch module): skipping");
        return null;
    }

    private static List<Path> caches() {
        List<Path> caches = new ArrayList<>();
        String property = System.getProperty("argogke.gomodcache");
        if (property != null && !property.isBlank()) {
            return List.of(Path.of(property)); // asked for explicitly: that one only
        }
        String env = System.getenv("GOMODCACHE");
        if (env != null && !env.isBlank()) {
            caches.add(Path.of(env));
        }
        caches.add(Path.of(System.getProperty("user.home"), ".cache", "argo-gke", "gomod"));
        goEnvModCache().ifPresent(caches::add);
        return caches;
    }

    private static java.util.Optional<Path> goEnvModCache() {
        try {
            Process go = new ProcessBuilder("go", "env", "GOMODCACHE").redirectErrorStream(true).start();
            String out = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (go.waitFor(30, TimeUnit.SECONDS) && go.exitValue() == 0 && !out.isEmpty()) {
                return java.util.Optional.of(Path.of(out));
            }
        } catch (IOException e) {
            // no Go on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.Optional.empty();
    }
}
