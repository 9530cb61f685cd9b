package dev.argogke.k8s;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Any Kubernetes custom resource (an Argo CronWorkflow, a GKE BackendConfig, ...), registered with
 * the type token {@code kubernetes:<apiVersion>:<Kind>} that the Kubernetes provider understands.
 *
 * <p>The Kubernetes Java SDK 4.0.0 has no {@code apiextensions.CustomResource}; later SDKs build
 * the same token, so state written by this class stays compatible with them.
 */
public class CustomResource extends com.pulumi.resources.CustomResource {
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    public CustomResource(String name, CustomResourceArgs args, CustomResourceOptions options) {
        super(typeToken(args.apiVersionValue(), args.kindValue()), name, args, options);
    }

    /** {@code kubernetes:argoproj.io/v1alpha1:CronWorkflow}. */
    public static String typeToken(String apiVersion, String kind) {
        return "kubernetes:" + apiVersion + ":" + kind;
    }

    public Output<String> apiVersion() {
        return apiVersion;
    }

    public Output<String> kind() {
        return kind;
    }

    public Output<ObjectMeta> metadata() {
        return metadata;
    }
}
