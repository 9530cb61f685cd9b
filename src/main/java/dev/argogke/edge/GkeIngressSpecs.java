package dev.argogke.edge;

import static dev.argogke.edge.Endpoint.BACKEND_TIMEOUT_SECONDS;
import static dev.argogke.edge.Endpoint.CERTIFICATE;
import static dev.argogke.edge.Endpoint.DRAINING_SECONDS;
import static dev.argogke.edge.Endpoint.FRONTEND_CONFIG;
import static dev.argogke.edge.Endpoint.OAUTH_SECRET;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Endpoint} tells GKE's ingress controller: the BackendConfig's and FrontendConfig's
 * specs and the Ingress's annotations.
 */
final class GkeIngressSpecs {
    private GkeIngressSpecs() {
    }

    /** Keys follow GKE's BackendConfig (cloud.google.com/v1), "Ingress configuration on Google Cloud". */
    static Map<String, Object> backendConfigSpec(boolean customOAuthClient) {
        Map<String, Object> iap = new LinkedHashMap<>();
        iap.put("enabled", true);
        // Without credentials, IAP uses Google's managed OAuth client (users of the project's
        // organization only); a custom client is needed for anyone else.
        if (customOAuthClient) {
            iap.put("oauthclientCredentials", Map.of("secretName", OAUTH_SECRET));
        }
        Map<String, Object> healthCheck = new LinkedHashMap<>();
        // The health checker sends no IAP JWT ("Compute Engine and GKE health checks don't include
        // JWT headers", IAP's signed-headers guide), so it asks the proxy's own health path, which
        // answers 200 while argo-server is up. With container-native load balancing the port is
        // the serving Pod's containerPort (GKE docs "Ingress configuration on Google Cloud", custom
        // health check configuration; GoogleCloudPlatform/gke-networking-recipes
        // ingress-custom-http-health-check): the proxy's.
        healthCheck.put("type", "HTTP");
        healthCheck.put("port", IapProxy.PORT);
        healthCheck.put("requestPath", IapProxy.HEALTH_PATH);
        healthCheck.put("checkIntervalSec", 15);
        healthCheck.put("timeoutSec", 5);
        healthCheck.put("healthyThreshold", 1);
        healthCheck.put("unhealthyThreshold", 2);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("iap", iap);
        spec.put("healthCheck", healthCheck);
        spec.put("timeoutSec", BACKEND_TIMEOUT_SECONDS);
        spec.put("connectionDraining", Map.of("drainingTimeoutSec", DRAINING_SECONDS));
        return spec;
    }

    /**
     * HTTP is answered by a redirect to HTTPS and nothing else: nobody has to remember the
     * https://, and no page or API is ever served in plain text (the redirect happens at the load
     * balancer, before IAP or argo-server see the request).
     */
    static Map<String, Object> frontendConfigSpec(String sslPolicyName) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("redirectToHttps", Map.of("enabled", true, "responseCodeName", "MOVED_PERMANENTLY_DEFAULT"));
        spec.put("sslPolicy", sslPolicyName);
        return spec;
    }

    /**
     * The GKE ingress controller reads the class from the annotation only: with
     * {@code kubernetes.io/ingress.class: gce} it ignores {@code ingressClassName}, and with the
     * field alone it takes no action ("GKE Ingress controller behavior", GKE Ingress docs).
     */
    static Map<String, String> ingressAnnotations(String addressName) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("kubernetes.io/ingress.class", "gce");
        annotations.put("kubernetes.io/ingress.global-static-ip-name", addressName);
        annotations.put("networking.gke.io/managed-certificates", CERTIFICATE);
        annotations.put("networking.gke.io/v1beta1.FrontendConfig", FRONTEND_CONFIG);
        return annotations;
    }
}
