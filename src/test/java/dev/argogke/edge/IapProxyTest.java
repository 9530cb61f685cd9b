package dev.argogke.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Envoy configuration in argo-server's pod does the checks Google's "Securing your app with
 * signed headers" guide (cloud.google.com/iap/docs/signed-headers-howto) lists. Expected values are
 * the guide's, written out here; field meanings are those of Envoy's v3 API (the .proto comments
 * in go-control-plane/envoy v1.40.0). Whether Envoy accepts the fields at all is e2e/envoy's job.
 */
class IapProxyTest {
    /** The guide's example: "/projects/PROJECT_NUMBER/global/backendServices/SERVICE_ID". */
    private static final String PROJECT_NUMBER = "123456789012";
    private static final Map<String, Object> BOOTSTRAP = IapProxy.bootstrap(PROJECT_NUMBER);

    @Test
    void everyRequestMustCarryTheJwtFromIapsSignedHeader() {
        Map<?, ?> provider = provider();
        assertEquals(List.of(Map.of("name", "x-goog-iap-jwt-assertion")), provider.get("from_headers"));
        // One rule, for every path, that requires the provider: no allow_missing, no path without it.
        assertEquals(List.of(Map.of("match", Map.of("prefix", "/"), "requires", Map.of("provider_name", "iap"))),
                at(filter("envoy.filters.http.jwt_authn"), "rules"));
        // The token is not passed on to argo-server (forward defaults to false).
        assertNull(provider.get("forward"));
    }

    @Test
    void theIssuerMustBeIap() {
        assertEquals("https://cloud.google.com/iap", provider().get("issuer"));
    }

    @Test
    void theSignatureIsCheckedWithIapsPublishedKeysFetchedOverVerifiedTls() {
        Map<?, ?> provider = provider();
        // Remote keys only, IAP's: no local key set in which an HMAC or RSA key could let another algorithm through.
        assertNull(provider.get("local_jwks"));
        assertEquals("https://www.gstatic.com/iap/verify/public_key-jwk", at(provider, "remote_jwks.http_uri.uri"));

        Map<?, ?> keys = cluster((String) at(provider, "remote_jwks.http_uri.cluster"));
        assertEquals("www.gstatic.com", at(keys, "load_assignment.endpoints.0.lb_endpoints.0.endpoint.address.socket_address.address"));
        assertEquals(443, at(keys, "load_assignment.endpoints.0.lb_endpoints.0.endpoint.address.socket_address.port_value"));
        assertEquals("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext", at(keys, "transport_socket.typed_config.@type"));
        assertEquals("www.gstatic.com", at(keys, "transport_socket.typed_config.sni"));
        // Without a validation context Envoy would accept any certificate, and so anyone's keys.
        assertEquals("/etc/ssl/certs/ca-certificates.crt", at(keys, "transport_socket.typed_config.common_tls_context.validation_context.trusted_ca.filename"));
        assertEquals(List.of(Map.of("san_type", "DNS", "matcher", Map.of("exact", "www.gstatic.com"))),
                at(keys, "transport_socket.typed_config.common_tls_context.validation_context.match_typed_subject_alt_names"));
    }

    @Test
    void expiryIsCheckedWithTheGuidesSkewAndLifetime() {
        Map<?, ?> provider = provider();
        // "30 seconds of skew is allowed"; "the maximum lifetime of a token is 10 minutes + 2 * skew".
        assertEquals(30, provider.get("clock_skew_seconds"));
        assertEquals(true, provider.get("require_expiration"));
        assertEquals("660s", provider.get("max_lifetime"));
    }

    @Test
    void theAudienceMustBeABackendServiceOfThisProject() {
        Map<?, ?> rules = (Map<?, ?>) at(filter("envoy.filters.http.rbac"), "rules");
        assertEquals("ALLOW", rules.get("action"));
        Map<?, ?> policies = (Map<?, ?>) rules.get("policies");
        assertEquals(1, policies.size());
        Map<?, ?> policy = (Map<?, ?>) policies.values().iterator().next();
        assertEquals(List.of(Map.of("any", true)), policy.get("permissions"));
        List<?> principals = (List<?>) policy.get("principals");
        assertEquals(1, principals.size());
        Map<?, ?> matcher = (Map<?, ?>) at(principals.get(0), "sourced_metadata.metadata_matcher");
        // The payload the JWT filter verified, under the key it was told to write it to.
        assertEquals("envoy.filters.http.jwt_authn", matcher.get("filter"));
        assertEquals(List.of(Map.of("key", provider().get("payload_in_metadata")), Map.of("key", "aud")), matcher.get("path"));
        String prefix = (String) at(matcher, "value.string_match.prefix");
        assertEquals("/projects/123456789012/global/backendServices/", prefix);

        // What that prefix admits, with audiences in the guide's format.
        assertTrue("/projects/123456789012/global/backendServices/4567890123456789".startsWith(prefix));
        assertFalse("/projects/999999999999/global/backendServices/4567890123456789".startsWith(prefix), "another project's backend");
        assertFalse("/projects/1234567890123/global/backendServices/4567".startsWith(prefix), "a project whose number starts with ours");
        assertFalse("/projects/123456789012/apps/acme-argo-dev".startsWith(prefix), "the same project's App Engine app");
    }

    @Test
    void filtersRunHealthCheckFirstThenTokenThenAudienceThenArgoServer() {
        List<?> filters = (List<?>) at(hcm(), "http_filters");
        assertEquals(List.of("envoy.filters.http.health_check", "envoy.filters.http.jwt_authn", "envoy.filters.http.rbac", "envoy.filters.http.router"),
                filters.stream().map(f -> ((Map<?, ?>) f).get("name")).toList());
        assertEquals(List.of(Map.of("match", Map.of("prefix", "/"), "route", Map.of("cluster", "argo-server", "timeout", "0s"))),
                at(hcm(), "route_config.virtual_hosts.0.routes"));
    }

    @Test
    void theHealthCheckPathIsAnsweredByEnvoyWithoutATokenAndOnlyWhileArgoServerIsUp() {
        // "GKE health checks don't include JWT headers": the health path must not need one.
        Map<?, ?> health = filter("envoy.filters.http.health_check");
        assertEquals(false, health.get("pass_through_mode"), "Envoy answers; argo-server's content is never served without a token");
        assertEquals(List.of(Map.of("name", ":path", "string_match", Map.of("exact", "/healthz"))), health.get("headers"));
        assertEquals(Map.of("argo-server", Map.of("value", 100)), health.get("cluster_min_healthy_percentages"));
        assertEquals("/", at(cluster("argo-server"), "health_checks.0.http_health_check.path"));
    }

    @Test
    void envoyListensOnTheProxyPortAndSendsOnlyToArgoServerOnLoopback() {
        Map<?, ?> listener = (Map<?, ?>) at(BOOTSTRAP, "static_resources.listeners.0");
        assertEquals(Map.of("address", "0.0.0.0", "port_value", 8080), at(listener, "address.socket_address"));
        assertEquals(Map.of("address", "127.0.0.1", "port_value", 2746),
                at(cluster("argo-server"), "load_assignment.endpoints.0.lb_endpoints.0.endpoint.address.socket_address"));
    }

    @Test
    void aProjectNumberMustBeOne() {
        assertEquals("/projects/42/global/backendServices/", IapProxy.audiencePrefix("42"));
        for (String notANumber : new String[] {"acme-argo-dev", "", "12 34", "0123", "12/global"}) {
            assertThrows(IllegalArgumentException.class, () -> IapProxy.audiencePrefix(notANumber), notANumber);
        }
        assertThrows(IllegalArgumentException.class, () -> IapProxy.audiencePrefix(null));
    }

    @Test
    void theConfigMapTextReadsBackAsTheBootstrap() {
        String text = IapProxySidecar.config(PROJECT_NUMBER);
        assertEquals(BOOTSTRAP, new Load(LoadSettings.builder().build()).loadFromString(text));
        // An indicator at a string's start is quoted, so no YAML reader takes ":path" for anything else.
        assertTrue(text.contains("name: \":path\""), text);
        assertTrue(text.contains("\"@type\": type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication"), text);
    }

    @Test
    void theChecksumFollowsTheConfigurationNotTheProject() {
        assertEquals(64, IapProxySidecar.checksum().length());
        assertFalse(IapProxySidecar.config("1").equals(IapProxySidecar.config("2")));
    }

    @Test
    void theSidecarRunsTheEnvoyBinaryAsNonRootReadingTheMountedConfig() {
        Map<?, ?> c = IapProxySidecar.container();
        assertEquals("docker.io/envoyproxy/envoy:v1.40.0", c.get("image"));
        assertEquals(List.of("/usr/local/bin/envoy"), c.get("command"));
        List<?> args = (List<?>) c.get("args");
        Map<?, ?> mount = (Map<?, ?>) ((List<?>) c.get("volumeMounts")).get(0);
        assertEquals(mount.get("mountPath") + "/envoy.yaml", args.get(args.indexOf("--config-path") + 1));
        assertEquals(IapProxySidecar.volume().get("name"), mount.get("name"));
        assertEquals(Map.of("name", "argo-server-iap-proxy"), IapProxySidecar.volume().get("configMap"));
        assertEquals(Map.of("path", "/healthz", "port", 8080, "scheme", "HTTP"), at(c, "readinessProbe.httpGet"));
        Map<?, ?> security = (Map<?, ?>) c.get("securityContext");
        assertEquals(true, security.get("runAsNonRoot"));
        assertTrue(((Number) security.get("runAsUser")).longValue() > 0);
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), at(security, "capabilities.drop"));
    }

    private static Map<?, ?> hcm() {
        return (Map<?, ?>) at(BOOTSTRAP, "static_resources.listeners.0.filter_chains.0.filters.0.typed_config");
    }

    private static Map<?, ?> filter(String name) {
        return (Map<?, ?>) ((List<?>) at(hcm(), "http_filters")).stream().map(f -> (Map<?, ?>) f)
                .filter(f -> name.equals(f.get("name"))).findFirst().map(f -> f.get("typed_config"))
                .orElseThrow(() -> new AssertionError("no filter " + name));
    }

    private static Map<?, ?> provider() {
        Map<?, ?> providers = (Map<?, ?>) at(filter("envoy.filters.http.jwt_authn"), "providers");
        assertEquals(1, providers.size());
        return (Map<?, ?>) providers.values().iterator().next();
    }

    private static Map<?, ?> cluster(String name) {
        return (Map<?, ?>) ((List<?>) at(BOOTSTRAP, "static_resources.clusters")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster " + name));
    }

    /** A value by dotted path; a number is a list index. "@type" is a key like any other. */
    private static Object at(Object root, String dottedPath) {
        Object here = root;
        for (String part : dottedPath.split("\\.")) {
            if (here instanceof List<?> list && part.matches("\\d+")) {
                here = list.get(Integer.parseInt(part));
            } else if (here instanceof Map<?, ?> map) {
                here = map.get(part);
            } else {
                throw new AssertionError("no " + part + " in " + here + " (" + dottedPath + ")");
            }
        }
        return here;
    }
}
