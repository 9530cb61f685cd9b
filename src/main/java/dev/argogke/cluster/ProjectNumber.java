package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.gcp.Utilities;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.organizations.outputs.GetProjectResult;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The project's number, which Google's service agents are named after
 * ({@code service-PROJECT_NUMBER@container-engine-robot.iam.gserviceaccount.com} is GKE's: GKE docs,
 * "Encrypt secrets at the application layer") and which IAP puts in the audience of the JWT it signs
 * ({@code /projects/PROJECT_NUMBER/global/backendServices/SERVICE_ID}: IAP docs, "Securing your app
 * with signed headers"; pulumi-gcp GetProjectResult {@code number}, "The numeric identifier of the
 * project"). The program reads it once (program.GoogleCloud) for both. It is read with the provider's {@code getProject}
 * (terraform-provider-google's {@code google_project} data source, the usual way Terraform
 * configurations name that agent for a cluster's database encryption key, e.g. m-cegielski/playground
 * {@code k8s/gke/datapath_v2/kms.tf}).
 *
 * <p>The read waits for {@code after} (the project's APIs: Resource Manager answers it), through the
 * Java SDK's {@link InvokeOutputOptions#getDependsOn() invoke dependsOn}. In the preview of a fresh
 * stack those do not exist yet, so the SDK does not call the provider and the number is unknown
 * until deploy (pulumi-java 1.36.1, {@code DeploymentImpl.Invoke#invoke} with
 * {@code InvokeOutputOptions}: unknown when a dependency's id is). That is what the offline plan
 * shows; on a stack whose APIs exist, preview reads the real number. pulumi-gcp 7.0.0's generated
 * {@code OrganizationsFunctions.getProject} only takes the older {@code InvokeOptions}, so the same
 * token is invoked here directly.
 */
public final class ProjectNumber {
    static final String GET_PROJECT = "gcp:organizations/getProject:getProject";

    private ProjectNumber() {
    }

    public static Output<String> of(String project, ProviderResource provider, List<Resource> after) {
        var options = new InvokeOutputOptions(null, provider, Utilities.getVersion(), List.copyOf(after));
        Output<GetProjectResult> result = Deployment.getInstance().invoke(GET_PROJECT, TypeShape.of(GetProjectResult.class),
                GetProjectArgs.builder().projectId(project).build(), options);
        return result.applyValue(GetProjectResult::number);
    }

    /** GKE's service agent, which encrypts and decrypts the cluster's Secrets with the key. */
    public static String gkeServiceAgent(String projectNumber) {
        return "service-" + projectNumber + "@container-engine-robot.iam.gserviceaccount.com";
    }
}
