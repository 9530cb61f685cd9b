package dev.argogke.program;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.cluster.DataAccessLogs;
import dev.argogke.cluster.ProjectNumber;
import dev.argogke.cluster.ProjectServices;
import dev.argogke.config.Settings;

/**
 * The stack's Google Cloud project: its APIs, the provider every Google resource goes through,
 * which waits for the APIs to be enabled, and (unless the stack leaves them to someone else) its
 * Data Access audit logs, which apply to the project whether or not argo-gke creates the cluster.
 */
record GoogleCloud(Settings.Gcp gcp, ProjectServices services, Provider provider, Output<String> projectNumber) {
    static GoogleCloud of(Settings.Gcp gcp, boolean newCluster, boolean secretManager, boolean pubSub) {
        var services = new ProjectServices("services", new ProjectServices.Args(gcp.project(), newCluster, secretManager, pubSub), null);
        ProviderArgs.Builder args = ProviderArgs.builder()
                .project(gcp.project())
                .region(gcp.region());
        gcp.auth().credentials().ifPresent(c -> args.credentials(Output.ofSecret(c.reveal())));
        gcp.auth().accessToken().ifPresent(t -> args.accessToken(Output.ofSecret(t.reveal())));
        gcp.auth().impersonateServiceAccount().ifPresent(args::impersonateServiceAccount);
        var provider = new Provider("gcp", args.build(), CustomResourceOptions.builder().dependsOn(services.services()).build());
        // Read once, for all that need it: GKE's service agent (the Secrets key) and IAP's JWT audience.
        var google = new GoogleCloud(gcp, services, provider,
                ProjectNumber.of(gcp.project(), provider, services.services()));
        if (gcp.dataAccessLogs()) {
            new DataAccessLogs("audit-logs", new DataAccessLogs.Args(gcp.project()), google.options());
        }
        return google;
    }

    String project() {
        return gcp.project();
    }

    ComponentResourceOptions options() {
        return ComponentResourceOptions.builder().providers(provider).build();
    }
}
