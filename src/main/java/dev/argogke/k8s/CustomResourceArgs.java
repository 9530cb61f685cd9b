package dev.argogke.k8s;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of a {@link CustomResource}: the object as Kubernetes sees it. The body is free-form
 * (maps, lists, scalars), which is what an Argo CronWorkflow or a GKE BackendConfig needs.
 */
public final class CustomResourceArgs extends ResourceArgs {
    @Import(name = "apiVersion", required = true)
    private Output<String> apiVersion;

    @Import(name = "kind", required = true)
    private Output<String> kind;

    @Import(name = "metadata")
    private Output<ObjectMetaArgs> metadata;

    @Import(name = "spec")
    private Output<Map<String, Object>> spec;

    // Kept as plain strings too: the type token is built from them before any Output resolves.
    private String staticApiVersion;
    private String staticKind;

    private CustomResourceArgs() {
    }

    public String apiVersionValue() {
        return staticApiVersion;
    }

    public String kindValue() {
        return staticKind;
    }

    public static Builder builder(String apiVersion, String kind) {
        return new Builder(apiVersion, kind);
    }

    public static final class Builder {
        private final CustomResourceArgs args = new CustomResourceArgs();

        private Builder(String apiVersion, String kind) {
            args.staticApiVersion = Objects.requireNonNull(apiVersion);
            args.staticKind = Objects.requireNonNull(kind);
            args.apiVersion = Output.of(apiVersion);
            args.kind = Output.of(kind);
        }

        public Builder metadata(ObjectMetaArgs metadata) {
            args.metadata = Output.of(metadata);
            return this;
        }

        public Builder spec(Map<String, Object> spec) {
            args.spec = Output.of(spec);
            return this;
        }

        public Builder spec(Output<Map<String, Object>> spec) {
            args.spec = spec;
            return this;
        }

        public CustomResourceArgs build() {
            return args;
        }
    }
}
