package dev.argogke.program;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.argogke.cluster.ProjectServices;
import dev.argogke.config.Settings;

/**
 * The stack's Google Cloud project: its APIs, and the provider every Google resource goes
 * through, which waits for the APIs to be enabled.
 */
record GoogleCloud(Settings.Gcp gcp, Provider provider) {
    static GoogleCloud of(Settings.Gcp gcp) {
        var services = new ProjectServices("services", new ProjectServices.Args(gcp.project()), null);
        ProviderArgs.Builder args = ProviderArgs.builder()
                .project(gcp.project())
                .region(gcp.region());
        gcp.auth().credentials().ifPresent(c -> args.credentials(Output.ofSecret(c.reveal())));
        gcp.auth().accessToken().ifPresent(t -> args.accessToken(Output.ofSecret(t.reveal())));
        gcp.auth().impersonateServiceAccount().ifPresent(args::impersonateServiceAccount);
        var provider = new Provider("gcp", args.build(), CustomResourceOptions.builder().dependsOn(services.services()).build());
        return new GoogleCloud(gcp, provider);
    }

    String project() {
        return gcp.project();
    }

    ComponentResourceOptions options() {
        return ComponentResourceOptions.builder().providers(provider).build();
    }
}
