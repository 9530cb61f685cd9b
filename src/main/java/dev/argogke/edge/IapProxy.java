package dev.argogke.edge;

import dev.argogke.argo.ArgoWorkflows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy in argo-server's pod that checks, on every request, that IAP let it through: Envoy
 * verifies the JWT IAP signs into each request it forwards, and only then passes the request to
 * argo-server on 127.0.0.1. Without it, a request that reaches argo-server some other way (IAP
 * switched off by mistake, a firewall mistake, a caller inside the project) would be served.
 *
 * <p>What is checked is what Google's "Securing your app with signed headers" guide
 * (cloud.google.com/iap/docs/signed-headers-howto) says to check: the JWT in header
 * {@value #JWT_HEADER}, signed with a key from {@value #JWKS_URI} (ES256: IAP's keys are EC P-256
 * keys marked {@code "alg": "ES256"}, and Envoy's verifier only uses a key whose alg is the JWT's,
 * google/jwt_verify_lib src/verify.cc), issuer {@value #ISSUER}, not expired (30 s of skew, at
 * most 10 minutes + 2 × skew ahead), and an audience {@code /projects/PROJECT_NUMBER/global/backendServices/SERVICE_ID}.
 * SERVICE_ID is the id of the backend service GKE's ingress controller creates, only known once
 * it exists, so the audience is checked as "a backend service of this project": any audience
 * that starts with {@link #audiencePrefix}. Envoy's {@code jwt_authn} filter only compares whole
 * audiences, so it writes the verified payload to dynamic metadata and the {@code rbac} filter
 * matches the prefix there (the same two steps Istio generates for a RequestAuthentication with
 * an AuthorizationPolicy on a claim: istio.io/istio pilot/pkg/security/authz/model,
 * MetadataMatcherForJWTClaims).
 *
 * <p>Field names, types and rules follow Envoy's v3 API as published in
 * github.com/envoyproxy/go-control-plane/envoy v1.40.0 (the .proto comments quoted below are from
 * there); {@code bin/e2e} checks the generated bootstrap against those definitions
 * ({@code e2e/envoy}).
 */
public final class IapProxy {
    /**
     * Envoy 1.40.0 (changelogs/1.40.0.yaml: October 1, 2026), the release whose API the bootstrap
     * is checked against, by a tag that never moves. The official image, from Envoy's own
     * distribution/docker/Dockerfile-envoy: Ubuntu with ca-certificates, the binary at
     * /usr/local/bin/envoy.
     */
    public static final String IMAGE = "docker.io/envoyproxy/envoy:v1.40.0";
    public static final String CONTAINER = "iap-proxy";
    /** Where Envoy listens in the pod: the Service, the health check and the NetworkPolicy use it. */
    public static final int PORT = 8080;
    /**
     * Answered by Envoy itself, without a token: "Compute Engine and GKE health checks don't
     * include JWT headers and IAP doesn't process health checks ... make sure that your JWT header
     * validation allows the health check path" (the signed-headers guide).
     */
    public static final String HEALTH_PATH = "/healthz";
    public static final String JWT_HEADER = "x-goog-iap-jwt-assertion";
    public static final String ISSUER = "https://cloud.google.com/iap";
    public static final String JWKS_URI = "https://www.gstatic.com/iap/verify/public_key-jwk";
    public static final String JWKS_HOST = "www.gstatic.com";
    /** "30 seconds of skew is allowed" for exp and iat (the signed-headers guide). */
    public static final int CLOCK_SKEW_SECONDS = 30;
    /** "The maximum lifetime of a token is 10 minutes + 2 * skew" (the signed-headers guide). */
    public static final int MAX_LIFETIME_SECONDS = 600 + 2 * CLOCK_SKEW_SECONDS;
    /** The ConfigMap (in the Argo namespace) that holds the bootstrap, and its key. */
    public static final String CONFIG_MAP = "argo-server-iap-proxy";
    public static final String CONFIG_KEY = "envoy.yaml";
    static final String CONFIG_DIR = "/etc/argo-gke/iap-proxy";
    static final String VOLUME = "iap-proxy-config";

    static final String PROVIDER = "iap";
    /** The key under the jwt_authn filter's dynamic metadata where the verified payload goes. */
    static final String PAYLOAD_KEY = "iap_jwt";
    static final String JWT_FILTER = "envoy.filters.http.jwt_authn";
    static final String ARGO_SERVER_CLUSTER = "argo-server";
    static final String KEYS_CLUSTER = "iap-public-keys";
    /** argo-server's readiness path in the chart (templates/server/server-deployment.yaml): "/", 200 without login. */
    static final String ARGO_SERVER_HEALTH_PATH = "/";
    /** Ubuntu's CA bundle (the ca-certificates package the image installs). */
    static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    private static final String TYPES = "type.googleapis.com/envoy.extensions.";

    private IapProxy() {
    }

    /** The audiences IAP signs for this project's backend services: {@code /projects/N/global/backendServices/}. */
    public static String audiencePrefix(String projectNumber) {
        if (projectNumber == null || !projectNumber.matches("[1-9][0-9]{0,19}")) {
            // Google's project numbers are decimal; anything else would make every audience fail to match.
            throw new IllegalArgumentException("not a Google Cloud project number: '" + projectNumber + "'");
        }
        return "/projects/" + projectNumber + "/global/backendServices/";
    }

    /** The Envoy bootstrap (envoy.config.bootstrap.v3.Bootstrap) for a project. */
    public static Map<String, Object> bootstrap(String projectNumber) {
        String audiences = audiencePrefix(projectNumber);
        Map<String, Object> listener = map(
                "name", "iap",
                "address", socketAddress("0.0.0.0", PORT),
                "filter_chains", List.of(map("filters", List.of(map(
                        "name", "envoy.filters.network.http_connection_manager",
                        "typed_config", httpConnectionManager(audiences))))));
        return map("static_resources", map(
                "listeners", List.of(listener),
                "clusters", List.of(argoServerCluster(), publicKeysCluster())));
    }

    private static Map<String, Object> httpConnectionManager(String audiences) {
        Map<String, Object> route = map(
                "match", map("prefix", "/"),
                // 0s: no limit on a response, so the UI's event and log streams are not cut after
                // Envoy's default 15 s; the load balancer's backend timeout bounds them instead.
                "route", map("cluster", ARGO_SERVER_CLUSTER, "timeout", "0s"));
        return map(
                "@type", TYPES + "filters.network.http_connection_manager.v3.HttpConnectionManager",
                "stat_prefix", "iap_proxy",
                "codec_type", "AUTO",
                // Envoy's default (5 min without a byte) would cut a quiet log stream before the
                // load balancer does; match the backend timeout the edge sets.
                "stream_idle_timeout", Endpoint.BACKEND_TIMEOUT_SECONDS + "s",
                "route_config", map("name", "argo-server", "virtual_hosts", List.of(map(
                        "name", "argo-server", "domains", List.of("*"), "routes", List.of(route)))),
                // In this order: the health check answers before anything asks for a token; the
                // router runs only when both checks passed.
                "http_filters", List.of(healthCheckFilter(), jwtFilter(), rbacFilter(audiences), map(
                        "name", "envoy.filters.http.router",
                        "typed_config", map("@type", TYPES + "filters.http.router.v3.Router"))));
    }

    /**
     * {@value #HEALTH_PATH} answered by Envoy (pass_through_mode false), 200 only while Envoy's own
     * check of argo-server passes ("the minimum percentage of servers in each of those clusters
     * that must be healthy ... in order for the filter to return a 200"), so the load balancer
     * sees argo-server's health without a token, and nobody gets argo-server's content that way.
     */
    private static Map<String, Object> healthCheckFilter() {
        return map("name", "envoy.filters.http.health_check", "typed_config", map(
                "@type", TYPES + "filters.http.health_check.v3.HealthCheck",
                "pass_through_mode", false,
                "headers", List.of(map("name", ":path", "string_match", map("exact", HEALTH_PATH))),
                "cluster_min_healthy_percentages", map(ARGO_SERVER_CLUSTER, map("value", 100))));
    }

    /** Every request must carry a JWT IAP signed: missing or invalid, Envoy answers 401 itself. */
    private static Map<String, Object> jwtFilter() {
        Map<String, Object> provider = map(
                "issuer", ISSUER,
                "from_headers", List.of(map("name", JWT_HEADER)),
                "remote_jwks", map(
                        "http_uri", map("uri", JWKS_URI, "cluster", KEYS_CLUSTER, "timeout", "5s"),
                        // Fetch the keys when Envoy starts (and again before they expire), not on a user's request.
                        "async_fetch", map(),
                        "retry_policy", map("num_retries", 3,
                                "retry_back_off", map("base_interval", "0.5s", "max_interval", "5s"))),
                "payload_in_metadata", PAYLOAD_KEY,
                "clock_skew_seconds", CLOCK_SKEW_SECONDS,
                "require_expiration", true,
                "max_lifetime", MAX_LIFETIME_SECONDS + "s");
        return map("name", JWT_FILTER, "typed_config", map(
                "@type", TYPES + "filters.http.jwt_authn.v3.JwtAuthentication",
                "providers", map(PROVIDER, provider),
                "rules", List.of(map("match", map("prefix", "/"), "requires", map("provider_name", PROVIDER)))));
    }

    /** Only a JWT whose {@code aud} is one of this project's backend services gets through; others get 403. */
    private static Map<String, Object> rbacFilter(String audiences) {
        Map<String, Object> audienceOfThisProject = map("sourced_metadata", map("metadata_matcher", map(
                "filter", JWT_FILTER,
                "path", List.of(map("key", PAYLOAD_KEY), map("key", "aud")),
                "value", map("string_match", map("prefix", audiences)))));
        return map("name", "envoy.filters.http.rbac", "typed_config", map(
                "@type", TYPES + "filters.http.rbac.v3.RBAC",
                "rules", map("action", "ALLOW", "policies", map("iap-audience-of-this-project", map(
                        "permissions", List.of(map("any", true)),
                        "principals", List.of(audienceOfThisProject))))));
    }

    /** argo-server in the same pod, checked by Envoy the way the chart's readiness probe does. */
    private static Map<String, Object> argoServerCluster() {
        return map(
                "name", ARGO_SERVER_CLUSTER,
                "type", "STATIC",
                "connect_timeout", "1s",
                "load_assignment", endpoint(ARGO_SERVER_CLUSTER, "127.0.0.1", ArgoWorkflows.SERVER_PORT),
                "health_checks", List.of(map(
                        "timeout", "2s", "interval", "10s",
                        "unhealthy_threshold", 2, "healthy_threshold", 1,
                        "http_health_check", map("path", ARGO_SERVER_HEALTH_PATH))));
    }

    /**
     * IAP's public keys over TLS, verified: the system CAs and the certificate's DNS name (an
     * exact matcher also accepts a wildcard SAN such as *.gstatic.com, per the API's comment on
     * match_typed_subject_alt_names). LOGICAL_DNS, as Envoy's docs advise for a large web service.
     */
    private static Map<String, Object> publicKeysCluster() {
        Map<String, Object> tls = map(
                "@type", TYPES + "transport_sockets.tls.v3.UpstreamTlsContext",
                "sni", JWKS_HOST,
                "common_tls_context", map("validation_context", map(
                        "trusted_ca", map("filename", CA_BUNDLE),
                        "match_typed_subject_alt_names", List.of(map("san_type", "DNS", "matcher", map("exact", JWKS_HOST))))));
        return map(
                "name", KEYS_CLUSTER,
                "type", "LOGICAL_DNS",
                // GKE pods have IPv4; try it first rather than an AAAA answer the pod cannot reach.
                "dns_lookup_family", "V4_PREFERRED",
                "connect_timeout", "5s",
                "load_assignment", endpoint(KEYS_CLUSTER, JWKS_HOST, 443),
                "transport_socket", map("name", "envoy.transport_sockets.tls", "typed_config", tls));
    }

    private static Map<String, Object> endpoint(String cluster, String address, int port) {
        return map("cluster_name", cluster, "endpoints", List.of(map("lb_endpoints", List.of(
                map("endpoint", map("address", socketAddress(address, port)))))));
    }

    private static Map<String, Object> socketAddress(String address, int port) {
        return map("socket_address", map("address", address, "port_value", port));
    }

    /** A map in the order given (keys and values alternating), so the YAML reads like Envoy's examples. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
