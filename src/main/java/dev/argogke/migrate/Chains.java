package dev.argogke.migrate;

import dev.argogke.UserError;
import dev.argogke.workflows.manifest.Manifest;
import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads chains from {@code --chain a,b,c} and from a chain file. */
public final class Chains {

    private Chains() {
    }

    /** {@code a,b,c}: run a, then b, then c, under {@code name} (or a's name). */
    public static Chain fromOption(String value, Optional<String> name) {
        List<String> jobs = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        if (jobs.stream().anyMatch(String::isEmpty)) {
            throw new UserError("--chain " + value + ": a CronJob name is empty; write --chain first,second,third");
        }
        if (jobs.size() < 2) {
            throw new UserError("--chain " + value + ": a chain needs at least two CronJobs, e.g. --chain extract,load");
        }
        return new Chain(name, jobs, "--chain " + value);
    }

    /**
     * A YAML file mapping each CronWorkflow name to the CronJobs it runs in order:
     * <pre>
     * nightly-etl: [extract-jira, load-bigquery, report]
     * </pre>
     */
    public static List<Chain> fromFile(Path file) {
        List<Chain> out = new ArrayList<>();
        for (Manifest doc : ManifestLoader.load(file)) {
            for (Map.Entry<String, Object> e : doc.content().entrySet()) {
                String where = file + ":" + doc.positions().of(e.getKey());
                List<String> jobs = new ArrayList<>();
                if (e.getValue() instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof String s && !s.isBlank()) {
                            jobs.add(s.trim());
                        } else {
                            jobs.clear();
                            break;
                        }
                    }
                }
                if (jobs.size() < 2) {
                    throw new UserError(where + ": error: chain " + e.getKey() + " must list at least two CronJob"
                            + " names, e.g. " + e.getKey() + ": [extract, load]");
                }
                out.add(new Chain(Optional.of(e.getKey()), jobs, where));
            }
        }
        if (out.isEmpty()) {
            throw new UserError(file + ": error: no chains; write one per line, e.g. nightly-etl: [extract, load]");
        }
        return out;
    }
}
