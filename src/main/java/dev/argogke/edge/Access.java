package dev.argogke.edge;

import com.pulumi.core.Output;
import com.pulumi.gcp.iap.WebIamMember;
import com.pulumi.gcp.iap.WebIamMemberArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who IAP lets through to the UI: {@value #ROLE} for each configured member, and nobody else
 * (settings refuse an empty list, {@code allUsers} and {@code allAuthenticatedUsers}).
 *
 * <p>The grant is on the project's IAP web resources rather than on the UI's backend service: that
 * backend service is created by GKE's ingress controller under a generated name
 * ({@code k8s1-<cluster>-<namespace>-argo-server-2746-<hash>}) that Pulumi only learns after the
 * controller has synced, and that changes when the Service or NEG setting does, silently dropping a
 * binding made on it. In argo-gke's own project the UI is the only IAP-protected web app, so the
 * two are equivalent; in a shared project, these members also reach its other IAP web apps.
 */
public final class Access extends ComponentResource {
    public static final String ROLE = "roles/iap.httpsResourceAccessor";

    public record Args(String project, List<String> members) {
        public Args {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                // Settings refuse this already; a component never opens the UI to nobody-checked.
                throw new IllegalArgumentException("IAP needs at least one member");
            }
        }
    }

    private final List<WebIamMember> bindings = new ArrayList<>();
    private final List<String> members;

    public Access(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:edge:Access", name, options);
        this.members = args.members();
        for (String member : args.members()) {
            // Named by member, not position: removing one member leaves the others' bindings alone.
            // The member as is: settings made the members unique, so the names are too.
            bindings.add(new WebIamMember(name + "-" + member, WebIamMemberArgs.builder()
                    .project(args.project())
                    .role(ROLE)
                    .member(member)
                    .build(), CustomResourceOptions.builder().parent(this).build()));
        }
        registerOutputs(Map.of("members", Output.of(members)));
    }

    public List<WebIamMember> bindings() {
        return List.copyOf(bindings);
    }

    public Output<List<String>> members() {
        return Output.of(members);
    }
}
