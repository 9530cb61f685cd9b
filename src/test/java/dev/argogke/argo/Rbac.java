package dev.argogke.argo;

import dev.argogke.plan.PlanFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes RBAC over what a stack creates: the roles and bindings the chart renders plus those the
 * program registers itself. Evaluated as the API server's RBAC authorizer does
 * (kubernetes pkg/registry/rbac/validation/rule.go: a ClusterRoleBinding grants its role's rules
 * everywhere, a RoleBinding only in its own namespace; a ServiceAccount subject without a namespace
 * means the binding's namespace), leaving out rules limited to resourceNames.
 */
final class Rbac {
    private static final Set<String> BUILT_IN_CLUSTER_ROLES = Set.of("cluster-admin", "admin", "edit", "view");

    /** An RBAC object and the namespace it lives in (null for cluster-scoped ones). */
    record Item(String kind, String namespace, String name, Map<?, ?> object) {
    }

    private final List<Item> items = new ArrayList<>();

    static Rbac of(RenderedChart chart, PlannedStack stack) {
        Rbac rbac = new Rbac();
        for (String kind : List.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")) {
            boolean namespaced = !kind.startsWith("Cluster");
            for (Map<String, Object> o : chart.all(kind)) {
                rbac.items.add(new Item(kind, namespaced ? chart.namespaceOf(o) : null, Doc.text(o, "metadata.name"), o));
            }
            for (PlanFile.Resource r : stack.ofType("kubernetes:rbac.authorization.k8s.io/v1:" + kind)) {
                rbac.items.add(new Item(kind, namespaced ? Doc.text(r.inputs(), "metadata.namespace") : null,
                        Doc.text(r.inputs(), "metadata.name"), r.inputs()));
            }
        }
        return rbac;
    }

    /** Whether ServiceAccount {@code saNamespace/saName} may {@code verb} the resource in {@code namespace} (null: cluster-wide). */
    boolean can(String saNamespace, String saName, String verb, String group, String resource, String namespace) {
        for (Item binding : items) {
            boolean cluster = binding.kind().equals("ClusterRoleBinding");
            if (!cluster && !binding.kind().equals("RoleBinding")) {
                continue;
            }
            if (!cluster && (namespace == null || !namespace.equals(binding.namespace()))) {
                continue;
            }
            if (!bindsServiceAccount(binding, saNamespace, saName)) {
                continue;
            }
            Item role = role(binding);
            if (role != null && grants(Doc.list(role.object(), "rules"), verb, group, resource)) {
                return true;
            }
        }
        return false;
    }

    /** Bindings whose roleRef names a role that neither the chart nor the program creates (nor Kubernetes itself). */
    List<String> danglingBindings() {
        List<String> out = new ArrayList<>();
        for (Item binding : items) {
            if (binding.kind().endsWith("Binding") && role(binding) == null
                    && !(refKind(binding).equals("ClusterRole") && BUILT_IN_CLUSTER_ROLES.contains(refName(binding)))) {
                out.add(binding.kind() + " " + (binding.namespace() == null ? "" : binding.namespace() + "/") + binding.name()
                        + " -> " + refKind(binding) + " " + refName(binding));
            }
        }
        return out;
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    private Item role(Item binding) {
        String kind = refKind(binding);
        String name = refName(binding);
        for (Item i : items) {
            boolean sameScope = kind.equals("ClusterRole") || (binding.namespace() != null && binding.namespace().equals(i.namespace()));
            if (i.kind().equals(kind) && i.name().equals(name) && sameScope) {
                return i;
            }
        }
        return null;
    }

    private static String refKind(Item binding) {
        return String.valueOf(Doc.at(binding.object(), "roleRef.kind"));
    }

    private static String refName(Item binding) {
        return String.valueOf(Doc.at(binding.object(), "roleRef.name"));
    }

    private static boolean bindsServiceAccount(Item binding, String saNamespace, String saName) {
        for (Object s : Doc.list(binding.object(), "subjects")) {
            Object ns = Doc.at(s, "namespace");
            String subjectNs = ns == null ? binding.namespace() : ns.toString();
            if ("ServiceAccount".equals(Doc.at(s, "kind")) && saName.equals(Doc.at(s, "name")) && saNamespace.equals(subjectNs)) {
                return true;
            }
        }
        return false;
    }

    static boolean grants(List<?> rules, String verb, String group, String resource) {
        for (Object rule : rules) {
            if (!Doc.list(rule, "resourceNames").isEmpty()) {
                continue;
            }
            if (matches(Doc.list(rule, "apiGroups"), group) && matches(Doc.list(rule, "resources"), resource)
                    && matches(Doc.list(rule, "verbs"), verb)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<?> allowed, String wanted) {
        return allowed.contains(wanted) || allowed.contains("*");
    }
}
