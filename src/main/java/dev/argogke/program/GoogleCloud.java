package dev.argogke.program;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.organizations.outputs.GetProjectResult;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.cluster.DataAccessLogs;
import dev.argogke.cluster.ProjectServices;
import dev.argogke.config.Settings;

/**
 * The stack's Google Cloud project: its APIs, the provider every Google resource goes through,
 * which waits for the APIs to be enabled, and (unless the stack leaves them to someone else) its
 * Data Access audit logs, which apply to the project whether or not argo-gke creates the cluster.
 */
record GoogleCloud(Settings.Gcp gcp, ProjectServices services, Provider provider) {
    static GoogleCloud of(Settings.Gcp gcp, boolean newCluster) {
        var services = new ProjectServices("services", new ProjectServices.Args(gcp.project(), newCluster), null);
        ProviderArgs.Builder args = ProviderArgs.builder()
                .project(gcp.project())
                .region(gcp.region());
        gcp.auth().credentials().ifPresent(c -> args.credentials(Output.ofSecret(c.reveal())));
        gcp.auth().accessToken().ifPresent(t -> args.accessToken(Output.ofSecret(t.reveal())));
        gcp.auth().impersonateServiceAccount().ifPresent(args::impersonateServiceAccount);
        var provider = new Provider("gcp", args.build(), CustomResourceOptions.builder().dependsOn(services.services()).build());
        var google = new GoogleCloud(gcp, services, provider);
        if (gcp.dataAccessLogs()) {
            new DataAccessLogs("audit-logs", new DataAccessLogs.Args(gcp.project()), google.options());
        }
        return google;
    }

    String project() {
        return gcp.project();
    }

    /**
     * The project's number, which IAP puts in the audience of the JWT it signs
     * ({@code /projects/PROJECT_NUMBER/global/backendServices/SERVICE_ID}). Read from Google with
     * the provider's {@code gcp:organizations/getProject:getProject} (pulumi-gcp
     * sdk/java/.../organizations/outputs/GetProjectResult.java: {@code number}, "The numeric
     * identifier of the project"; terraform-provider-google's google_project data source reads
     * {@code projects/<project_id>}, so it needs resourcemanager.projects.get, which a deployer
     * has). An invoke runs during {@code pulumi preview} too, so the number is known there; in
     * argo-gke's offline plan it stays unknown.
     */
    Output<String> projectNumber() {
        return OrganizationsFunctions.getProject(GetProjectArgs.builder().projectId(gcp.project()).build(),
                        InvokeOptions.builder().provider(provider).build())
                .applyValue(GetProjectResult::number);
    }

    ComponentResourceOptions options() {
        return ComponentResourceOptions.builder().providers(provider).build();
    }
}
