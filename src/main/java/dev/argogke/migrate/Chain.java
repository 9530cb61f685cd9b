package dev.argogke.migrate;

import java.util.List;
import java.util.Optional;

/**
 * CronJobs to run one after another in one CronWorkflow.
 *
 * @param name   the CronWorkflow's name; the first job's name when empty
 * @param jobs   CronJob names, in running order
 * @param origin where the chain was given ({@code --chain}, or {@code chains.yaml:3:1}), for messages
 */
public record Chain(Optional<String> name, List<String> jobs, String origin) {
    public Chain {
        jobs = List.copyOf(jobs);
    }

    public String workflowName() {
        return name.orElse(jobs.get(0));
    }
}
