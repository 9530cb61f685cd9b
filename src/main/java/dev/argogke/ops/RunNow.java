package dev.argogke.ops;

import dev.argogke.UserError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * {@code run}: starts a CronWorkflow's job now, as {@code argo submit --from cronwf/NAME} does.
 *
 * <p>One difference, for the sake of retries: Argo lets the API server pick the name from
 * {@code generateName}, so a create retried after a dropped connection could start the job twice.
 * Here the random suffix is picked before the first attempt (five characters from the same
 * alphabet the API server uses) and the Workflow carries a one-off mark, so a retry that meets its
 * own earlier attempt recognises it instead of making a second one.
 */
public final class RunNow {
    static final String SUBMISSION = ArgoResources.OWN_PREFIX + "submission";
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ArgoCluster cluster;
    private final Clock clock;
    private final Random random;

    public RunNow(ArgoCluster cluster, Clock clock) {
        this(cluster, clock, new SecureRandom());
    }

    RunNow(ArgoCluster cluster, Clock clock, Random random) {
        this.cluster = cluster;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param workflow the created Workflow
     * @param warnings e.g. a {@code -p} the CronWorkflow does not declare (Argo passes it on anyway)
     */
    public record Submitted(GenericKubernetesResource workflow, CronWorkflowInfo cron, List<String> warnings) {
        public String name() {
            return workflow.getMetadata().getName();
        }
    }

    public Submitted submit(String cronWorkflow, List<WorkflowFromCron.Parameter> parameters) {
        CronWorkflowInfo cron = CronWorkflowInfo.of(cluster.requireCronWorkflow(cronWorkflow));
        List<String> declared = WorkflowFromCron.declaredParameters(cron);
        List<String> warnings = new ArrayList<>();
        for (WorkflowFromCron.Parameter p : parameters) {
            if (!declared.contains(p.name())) {
                warnings.add("parameter " + p.name() + " is not declared in " + cron.name()
                        + "'s spec.workflowSpec.arguments.parameters" + (declared.isEmpty() ? "" : " (declared: "
                        + String.join(", ", declared) + ")") + "; it is passed on anyway, as Argo does");
            }
        }
        // A name someone already has is astronomically unlikely, but costs only another try.
        for (int attempt = 0; attempt < 3; attempt++) {
            GenericKubernetesResource wf = WorkflowFromCron.forSubmit(cron, clock.instant().atZone(cron.zone()), parameters);
            wf.getMetadata().setName(wf.getMetadata().getGenerateName() + suffix());
            wf.getMetadata().setGenerateName(null);
            wf.getMetadata().getAnnotations().put(SUBMISSION, UUID.randomUUID().toString());
            CreateResult result = cluster.create(wf, SUBMISSION);
            switch (result.outcome()) {
                case CREATED -> {
                    return new Submitted(result.workflow(), cron, List.copyOf(warnings));
                }
                case FAILED -> throw new UserError("could not create a Workflow from CronWorkflow " + cron.name()
                        + ": " + result.failure());
                case EXISTING -> {
                    // try another suffix
                }
            }
        }
        throw new UserError("could not find a free Workflow name for CronWorkflow " + cron.name() + " in 3 tries");
    }

    private String suffix() {
        StringBuilder s = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
