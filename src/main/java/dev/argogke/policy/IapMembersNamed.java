package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * IAP lets in only the organization: named users and groups, and the organization's own domains.
 * IAM's {@code domain:} principal means "every Google account in this Google Workspace or Cloud
 * Identity domain" (cloud.google.com/iam/docs/principal-identifiers); {@code gmail.com} and
 * {@code googlemail.com} are Google's consumer domains, where anyone can make an account, so
 * {@code domain:gmail.com} behind IAP (cloud.google.com/iap/docs/managing-access) is as open as
 * {@code allAuthenticatedUsers}, which {@link IapRequired} already refuses.
 */
final class IapMembersNamed implements Rule {
    static final String NAME = "iap-members-named";
    /** Google's consumer account domains: an account there is anyone's for the asking. */
    static final Set<String> CONSUMER_DOMAINS = Set.of("gmail.com", "googlemail.com");
    private static final List<String> MEMBER_TYPES = List.of(
            "gcp:iap/webIamMember:WebIamMember", "gcp:iap/webBackendServiceIamMember:WebBackendServiceIamMember");
    private static final List<String> BINDING_TYPES = List.of(
            "gcp:iap/webIamBinding:WebIamBinding", "gcp:iap/webBackendServiceIamBinding:WebBackendServiceIamBinding");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "IAP admits named users, groups and the organization's domains, never a consumer domain such as gmail.com";
    }

    /** No Ingress and no one granted access through IAP: there is nothing IAP admits anyone to. */
    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        boolean grants = !plan.ofType(MEMBER_TYPES.toArray(String[]::new)).isEmpty()
                || !plan.ofType(BINDING_TYPES.toArray(String[]::new)).isEmpty();
        return grants ? Optional.empty() : Applicability.withoutPublicEndpoint(input).map(r -> r + " and grants no IAP access");
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanFile.Resource r : plan.ofType(MEMBER_TYPES.toArray(String[]::new))) {
            check(r, Tree.string(r.input("member")), out);
        }
        for (PlanFile.Resource r : plan.ofType(BINDING_TYPES.toArray(String[]::new))) {
            Set<String> members = new LinkedHashSet<>();
            Tree.list(r.input("members")).forEach(m -> members.add(Tree.string(m)));
            members.forEach(m -> check(r, m, out));
        }
        return out;
    }

    private void check(PlanFile.Resource r, String member, List<Violation> out) {
        if (member == null || !member.startsWith("domain:")) {
            return;
        }
        String domain = member.substring("domain:".length()).toLowerCase(Locale.ROOT);
        if (CONSUMER_DOMAINS.contains(domain)) {
            out.add(violation(PlanQuery.label(r), "argo-gke:edge.iapMembers: " + member + " lets anyone with a free " + domain
                    + " account through IAP; list user:/group: members or your organization's domain:"));
        }
    }
}
