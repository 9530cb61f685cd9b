package dev.argogke.argo;

import static dev.argogke.argo.ArgoWorkflows.SERVER_SERVICE_ACCOUNT;
import static dev.argogke.argo.ArgoWorkflows.WORKFLOW_SERVICE_ACCOUNT;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleActionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleConditionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.argo.ArgoWorkflows.GoogleNames;
import dev.argogke.config.GoogleIds;
import dev.argogke.config.Settings;
import java.util.Map;

/**
 * Argo's resources in Google Cloud, registered as children of the {@link ArgoWorkflows} component
 * (so they keep their names and urns): not a component of its own, the part of that one that
 * talks to Google.
 *
 * @param bucket the artifact bucket
 * @param names  what the chart's values take from it
 */
record GoogleSide(Bucket bucket, Output<GoogleNames> names) {
    /**
     * The Google side, on GKE: the bucket for artifacts and archived logs, the Google service
     * accounts of the workflows and argo-server, their roles, and the Workload Identity bindings
     * that let the Kubernetes service accounts act as them.
     *
     * @return the resources, with the names the chart's values need, from inputs only (an account's email follows from
     *         its id), so a preview of a fresh stack shows the values; the Output keeps the dependencies
     */
    static GoogleSide create(ComponentResource parent, String name, ArgoWorkflows.Args args, Settings.Gcp gcp) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        Settings.Argo argo = args.argo();
        String workflowsNs = args.workflows().namespace();
        Bucket bucket = new Bucket(name + "-artifacts", BucketArgs.builder()
                .project(gcp.project())
                .name(bucketName(gcp.project(), args.stack()))
                .location(gcp.region().toUpperCase())
                .storageClass("STANDARD")
                // IAM only, no ACLs, never public.
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .forceDestroy(!args.production())
                .lifecycleRules(BucketLifecycleRuleArgs.builder()
                        .action(BucketLifecycleRuleActionArgs.builder().type("Delete").build())
                        .condition(BucketLifecycleRuleConditionArgs.builder().age(argo.artifactRetentionDays()).build())
                        .build())
                .labels(Map.of("app", "argo-gke", "stack", GoogleIds.labelValue(args.stack())))
                .build(), child);

        Account workflowServiceAccount = new Account(name + "-workflows", AccountArgs.builder()
                .project(gcp.project())
                .accountId(GoogleIds.serviceAccountId("argo-wf-" + args.stack()))
                .displayName("Argo workflows of stack " + args.stack() + " (argo-gke)")
                .build(), child);
        Account serverServiceAccount = new Account(name + "-server", AccountArgs.builder()
                .project(gcp.project())
                .accountId(GoogleIds.serviceAccountId("argo-server-" + args.stack()))
                .displayName("argo-server of stack " + args.stack() + " (argo-gke)")
                .build(), child);

        // Workflows create and read artifacts and logs, but cannot delete or overwrite them, so a job
        // (or whoever runs one) cannot erase the archived logs of what ran: roles/storage.objectCreator
        // has storage.objects.create only, roles/storage.objectViewer get and list (Cloud Storage docs,
        // "IAM roles for Cloud Storage"). Argo writes every artifact and log under a key of its own pod
        // (ARTIFACT_KEY_FORMAT), so nothing is overwritten; the bucket's lifecycle rule deletes them,
        // which also means Argo's artifactGC cannot. The UI only reads.
        bucketRole(bucket, name + "-workflows-artifacts", "roles/storage.objectCreator", workflowServiceAccount, child);
        bucketRole(bucket, name + "-workflows-artifacts-read", "roles/storage.objectViewer", workflowServiceAccount, child);
        bucketRole(bucket, name + "-server-artifacts", "roles/storage.objectViewer", serverServiceAccount, child);
        for (String role : argo.workflowRoles()) {
            new IAMMember(name + "-workflows-" + role.substring(role.lastIndexOf('/') + 1), IAMMemberArgs.builder()
                    .project(gcp.project())
                    .role(role)
                    .member(serviceAccountMember(workflowServiceAccount))
                    .build(), child);
        }
        CustomResourceOptions afterPool = CustomResourceOptions.builder().parent(parent).dependsOn(args.waitFor().identityPool()).build();
        workloadIdentity(name + "-workflows-wi", gcp.project(), workflowServiceAccount, workflowsNs, WORKFLOW_SERVICE_ACCOUNT, afterPool);
        workloadIdentity(name + "-server-wi", gcp.project(), serverServiceAccount, argo.namespace(), SERVER_SERVICE_ACCOUNT, afterPool);

        Output<GoogleNames> names = Output.tuple(bucket.name(), workflowServiceAccount.accountId(), serverServiceAccount.accountId())
                .applyValue(t -> new GoogleNames(t.t1, GoogleIds.serviceAccountEmail(t.t2, gcp.project()),
                        GoogleIds.serviceAccountEmail(t.t3, gcp.project())));
        return new GoogleSide(bucket, names);
    }

    private static void bucketRole(Bucket bucket, String name, String role, Account account, CustomResourceOptions options) {
        new BucketIAMMember(name, BucketIAMMemberArgs.builder()
                .bucket(bucket.name())
                .role(role)
                .member(serviceAccountMember(account))
                .build(), options);
    }

    private static void workloadIdentity(String name, String project, Account account, String namespace,
                                         String kubernetesServiceAccount, CustomResourceOptions options) {
        new com.pulumi.gcp.serviceaccount.IAMMember(name, com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                .serviceAccountId(account.name())
                .role("roles/iam.workloadIdentityUser")
                .member("serviceAccount:" + project + ".svc.id.goog[" + namespace + "/" + kubernetesServiceAccount + "]")
                .build(), options);
    }

    private static Output<String> serviceAccountMember(Account account) {
        return account.email().applyValue(e -> "serviceAccount:" + e);
    }

    /** Bucket names are global: the project id (itself globally unique) plus the stack. */
    static String bucketName(String project, String stack) {
        return GoogleIds.bucketName(project + "-argo-" + stack);
    }

}
