package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS only: every Ingress serves a certificate (a Google-managed one, a TLS secret or a
 * pre-shared certificate) and either redirects HTTP to HTTPS (FrontendConfig) or does not serve
 * HTTP at all. Annotation names: GKE docs, "Ingress configuration on Google Cloud" and
 * "Using Google-managed SSL certificates".
 */
final class HttpsOnly implements Rule {
    static final String MANAGED_CERTIFICATES = "networking.gke.io/managed-certificates";
    static final String PRE_SHARED_CERT = "ingress.gcp.kubernetes.io/pre-shared-cert";
    static final String FRONTEND_CONFIG = "networking.gke.io/v1beta1.FrontendConfig";
    static final String ALLOW_HTTP = "kubernetes.io/ingress.allow-http";

    @Override
    public String name() {
        return "https-only";
    }

    @Override
    public String description() {
        return "HTTPS only: every Ingress has a certificate and redirects or refuses plain HTTP";
    }

    /** Without an Ingress nothing is served over HTTP(S) at all (the UI is reached by port-forward). */
    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.withoutPublicEndpoint(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanFile.Resource ingress : plan.ofType(ResourceTypes.INGRESS)) {
            String where = PlanQuery.label(ingress);
            String ns = PlanQuery.namespace(ingress);
            Map<String, String> annotations = PlanQuery.annotations(ingress);

            List<String> certificates = names(annotations.get(MANAGED_CERTIFICATES));
            boolean tls = !Tree.list(ingress.input("spec.tls")).isEmpty() || annotations.containsKey(PRE_SHARED_CERT);
            for (String cert : certificates) {
                Optional<PlanFile.Resource> mc = plan.object("networking.gke.io", "ManagedCertificate", ns, cert);
                if (mc.isEmpty()) {
                    out.add(violation(where, MANAGED_CERTIFICATES + " names " + cert + ", which this stack does not create; create the ManagedCertificate"));
                } else if (Tree.list(mc.get().input("spec.domains")).isEmpty()) {
                    out.add(violation(PlanQuery.label(mc.get()), "spec.domains is empty, so no certificate is issued; list the UI's host"));
                }
            }
            if (certificates.isEmpty() && !tls) {
                out.add(violation(where, "serves no certificate; add a ManagedCertificate for the host and name it in " + MANAGED_CERTIFICATES));
            }

            boolean httpOff = "false".equals(annotations.get(ALLOW_HTTP));
            boolean redirect = false;
            String frontend = annotations.get(FRONTEND_CONFIG);
            if (frontend != null) {
                Optional<PlanFile.Resource> fc = plan.object("networking.gke.io", "FrontendConfig", ns, frontend);
                if (fc.isEmpty()) {
                    out.add(violation(where, FRONTEND_CONFIG + " names " + frontend + ", which this stack does not create; create the FrontendConfig"));
                } else {
                    redirect = PlanQuery.isTrue(fc.get().input("spec.redirectToHttps.enabled"));
                }
            }
            if (!httpOff && !redirect) {
                out.add(violation(where, "serves plain HTTP; redirect it with a FrontendConfig (spec.redirectToHttps.enabled: true) or set "
                        + ALLOW_HTTP + ": \"false\""));
            }
        }
        return out;
    }

    private static List<String> names(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
