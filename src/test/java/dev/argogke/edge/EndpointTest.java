package dev.argogke.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import dev.argogke.config.Secret;
import dev.argogke.config.Settings;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load balancer in front of argo-server, with the dev stack's settings. */
class EndpointTest {
    private static final String BACKEND_CONFIG = "kubernetes:cloud.google.com/v1:BackendConfig";
    private static final String FRONTEND_CONFIG = "kubernetes:networking.gke.io/v1beta1:FrontendConfig";
    private static final String CERTIFICATE = "kubernetes:networking.gke.io/v1:ManagedCertificate";
    private static final String INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
    private static final String SECRET = "kubernetes:core/v1:Secret";
    private static final String CLIENT_ID = "123456789012-abcdefgh12345678.apps.googleusercontent.com";

    private static Settings dev;
    private static MockCloud.Result managedClient;

    @BeforeAll
    static void runDev() {
        dev = TestSettings.of("dev");
        managedClient = run(dev.edge().orElseThrow().oauthClient());
    }

    private static MockCloud.Result run(Optional<Settings.OAuthClient> client) {
        return MockCloud.run(dev.stack(), Map.of(), Set.of(), ctx -> {
            // Stands in for the Argo release: the namespace and argo-server exist before the load balancer.
            var server = new Namespace("argo", NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(dev.argo().namespace()).build()).build());
            new Endpoint("edge", new Endpoint.Args(dev.gcp().orElseThrow().project(), dev.stack(), dev.edge().orElseThrow().host(),
                    dev.argo().namespace(), client, server), null);
        });
    }

    @Test
    void backendConfigTurnsOnIapWithGooglesManagedClientWhenNoneIsConfigured() {
        Registered backend = managedClient.one(BACKEND_CONFIG);
        assertEquals(Boolean.TRUE, backend.input("spec.iap.enabled"));
        assertNull(backend.input("spec.iap.oauthclientCredentials"), "no client secret: Google's managed OAuth client");
        assertTrue(managedClient.ofType(SECRET).isEmpty());
    }

    @Test
    void healthCheckProbesTheProxysOwnHealthPathSinceHealthChecksCarryNoIapJwt() {
        Registered backend = managedClient.one(BACKEND_CONFIG);
        assertEquals("HTTP", backend.string("spec.healthCheck.type"));
        // With NEGs the health check port is the serving container's port: the proxy's, not 2746.
        assertEquals(8080, backend.integer("spec.healthCheck.port"));
        assertEquals("/healthz", backend.string("spec.healthCheck.requestPath"));
        // The Service's annotation names this object, in the Service's own namespace.
        assertEquals(Endpoint.BACKEND_CONFIG, backend.string("metadata.name"));
        assertEquals("argo", backend.string("metadata.namespace"));
    }

    @Test
    void backendKeepsTheUisLongStreamsOpenAndDrainsBriefly() {
        Registered backend = managedClient.one(BACKEND_CONFIG);
        assertEquals(3600, backend.integer("spec.timeoutSec"));
        assertEquals(30, backend.integer("spec.connectionDraining.drainingTimeoutSec"));
    }

    @Test
    void ingressIsGkesWithTheStaticIpByNameAndTheManagedCertificate() {
        Registered ingress = managedClient.one(INGRESS);
        Map<?, ?> annotations = (Map<?, ?>) ingress.input("metadata.annotations");
        assertEquals("gce", annotations.get("kubernetes.io/ingress.class"));
        assertNull(ingress.input("spec.ingressClassName"), "GKE takes no action on an Ingress with the field alone");

        Registered address = managedClient.one("gcp:compute/globalAddress:GlobalAddress");
        assertEquals("argo-ui-dev", address.string("name"));
        assertEquals("IPV4", address.string("ipVersion"));
        assertEquals(address.string("name"), annotations.get("kubernetes.io/ingress.global-static-ip-name"));

        Registered certificate = managedClient.one(CERTIFICATE);
        assertEquals(List.of("argo-dev.example.com"), certificate.input("spec.domains"));
        assertEquals(certificate.string("metadata.name"), annotations.get("networking.gke.io/managed-certificates"));

        assertEquals("argo-server", ingress.string("spec.defaultBackend.service.name"));
        assertEquals(2746, ingress.integer("spec.defaultBackend.service.port.number"));
    }

    @Test
    void plainHttpIsOnlyEverARedirectToHttps() {
        Registered ingress = managedClient.one(INGRESS);
        Map<?, ?> annotations = (Map<?, ?>) ingress.input("metadata.annotations");
        Registered frontend = managedClient.one(FRONTEND_CONFIG);
        assertEquals(frontend.string("metadata.name"), annotations.get("networking.gke.io/v1beta1.FrontendConfig"));
        assertEquals(Boolean.TRUE, frontend.input("spec.redirectToHttps.enabled"));
        assertFalse("true".equals(annotations.get("kubernetes.io/ingress.allow-http")));
        assertNull(ingress.input("spec.rules"), "no rule serves anything but argo-server behind IAP");
    }

    @Test
    void httpsAcceptsTls12AndLaterOnly() {
        Registered policy = managedClient.one("gcp:compute/sSLPolicy:SSLPolicy");
        assertEquals("TLS_1_2", policy.string("minTlsVersion"));
        assertEquals("MODERN", policy.string("profile"));
        assertEquals(policy.string("name"), managedClient.one(FRONTEND_CONFIG).string("spec.sslPolicy"));
    }

    @Test
    void onlyTheLoadBalancerMayReachArgoServersPodAndThereOnlyTheProxy() {
        Registered policy = managedClient.one("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        assertEquals(Map.of("app.kubernetes.io/name", "argo-workflows-server", "app.kubernetes.io/instance", "argo-workflows"),
                policy.input("spec.podSelector.matchLabels"));
        assertEquals(List.of("Ingress"), policy.input("spec.policyTypes"));
        List<?> rules = (List<?>) policy.input("spec.ingress");
        assertEquals(1, rules.size());
        assertEquals(List.of("35.191.0.0/16", "130.211.0.0/22"), List.of(
                policy.string("spec.ingress[0].from[0].ipBlock.cidr"), policy.string("spec.ingress[0].from[1].ipBlock.cidr")));
        assertEquals(2, ((List<?>) policy.input("spec.ingress[0].from")).size());
        // One port, the proxy's: argo-server's 2746 is admitted from nowhere outside the pod.
        assertEquals(1, ((List<?>) policy.input("spec.ingress[0].ports")).size());
        assertEquals(8080, policy.integer("spec.ingress[0].ports[0].port"));
    }

    @Test
    void customOAuthClientIsStoredAsAPulumiSecretAndReferencedByTheBackendConfig() {
        MockCloud.Result custom = run(Optional.of(new Settings.OAuthClient(CLIENT_ID, new Secret("argo-gke:oauthClientSecret", "s3cr3t-value"))));
        Registered secret = custom.one(SECRET);
        assertEquals(CLIENT_ID, secret.string("stringData.client_id"));
        assertEquals("s3cr3t-value", secret.string("stringData.client_secret"));
        assertTrue(custom.inputIsSecret(secret, "stringData"), "the client secret is encrypted in the state");
        assertEquals("argo", secret.string("metadata.namespace"));

        Registered backend = custom.one(BACKEND_CONFIG);
        assertEquals(Boolean.TRUE, backend.input("spec.iap.enabled"));
        assertEquals(secret.string("metadata.name"), backend.string("spec.iap.oauthclientCredentials.secretName"));
    }

    @Test
    void serverServiceIsNodePortPointingAtTheBackendConfigWithContainerNativeLoadBalancing() {
        var service = Endpoint.serverService(com.pulumi.core.Output.of("1"));
        assertEquals("NodePort", service.type());
        assertEquals("{\"default\":\"argo-server\"}", service.annotations().get("cloud.google.com/backend-config"));
        assertEquals("{\"ingress\":true}", service.annotations().get("cloud.google.com/neg"));
    }
}
