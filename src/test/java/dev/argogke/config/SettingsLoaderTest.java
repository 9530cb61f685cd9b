package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argogke.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private Settings load(String text) {
        return SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev", text));
    }

    private SettingsException fails(String text) {
        return assertThrows(SettingsException.class, () -> load(text));
    }

    @Test
    void committedDevStackIsSmallSpotAndSuspended() {
        Settings dev = TestSettings.of("dev");
        assertEquals(Settings.Environment.DEV, dev.environment());
        assertTrue(dev.newCluster().orElseThrow().location().zonal());
        assertEquals(Settings.ReleaseChannel.REGULAR, dev.newCluster().orElseThrow().releaseChannel());
        assertEquals(1, dev.nodePools().size());
        assertTrue(dev.nodePools().get(0).spot());
        assertTrue(dev.workflows().suspendAll(), "dev never runs production schedules");
        assertFalse(dev.newCluster().orElseThrow().deletionProtection());
    }

    @Test
    void committedProdStackIsSturdierThanDev() {
        Settings prod = TestSettings.of("prod");
        assertEquals(Settings.Environment.PROD, prod.environment());
        assertTrue(prod.newCluster().orElseThrow().deletionProtection());
        assertFalse(prod.workflows().suspendAll());
        assertTrue(prod.nodePools().stream().anyMatch(p -> !p.spot()), "system pool on demand");
        assertTrue(prod.nodePools().stream().anyMatch(p -> p.workflowsOnly() && p.minNodes() == 0), "workflow pool scales from zero");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // what is wrong | line in the dev stack | replacement | the message names
            "missing project        |  gcp:project: acme-argo-dev |  | gcp:project: required",
            "maxNodes below min     |      maxNodes: 3 |      maxNodes: 0 | argo-gke:nodePools[0].maxNodes",
            "min nodes not a number |      minNodes: 1 |      minNodes: one | argo-gke:nodePools[0].minNodes: must be a whole number",
            "zone outside region    |    location: europe-west1-b |    location: us-east1-b | argo-gke:cluster.location: 'us-east1-b' is not in gcp:region europe-west1",
            "typo in a setting      |    releaseChannel: REGULAR |    releaseChanel: REGULAR | argo-gke:cluster.releaseChanel: unknown setting (did you mean releaseChannel?)",
            "unknown release channel|    releaseChannel: REGULAR |    releaseChannel: FAST | argo-gke:cluster.releaseChannel: 'FAST' is not one of",
            "channel the provider lacks|    releaseChannel: REGULAR |    releaseChannel: EXTENDED | argo-gke:cluster.releaseChannel: 'EXTENDED' is not supported by the GCP provider argo-gke uses (pulumi-gcp 7.0.0); use STABLE, REGULAR or RAPID",
            "bad environment        |  argo-gke:environment: dev |  argo-gke:environment: staging | argo-gke:environment: 'staging' is not one of dev, prod",
            "malformed IAP member   |      - group:data-team@example.com |      - data-team@example.com | argo-gke:edge.iapMembers[0]: 'data-team@example.com' is not a member; use user:<email>, group:<email> or domain:<domain> (write user:data-team@example.com)",
            "empty IAP members      |      - group:data-team@example.com |      [] | argo-gke:edge.iapMembers: is empty",
            "host outside the zone  |    host: argo-dev.example.com |    host: argo.example.org | argo-gke:edge.host: 'argo.example.org' is outside the managed zone's domain example.com",
            "owner role for jobs    |    artifactRetentionDays: 7 |    artifactRetentionDays: 7\\n    workflowRoles: [roles/owner] | argo-gke:argo.workflowRoles[0]: 'roles/owner' is not one of the data roles workflows may get; allowed: roles/bigquery.dataViewer,",
            "bad CIDR               |    privateNodes: true |    privateNodes: true\\n    authorizedNetworks: [10.0.0.0/33] | argo-gke:cluster.authorizedNetworks[0]: '10.0.0.0/33' is not a CIDR",
            "chart repository and path | artifactRetentionDays: 7 | artifactRetentionDays: 7\\n    chartRepository: https://charts.example.com\\n    chartPath: charts/argo-workflows | argo-gke:argo.chartPath: set together with argo.chartRepository; use one",
            "chart repository not a URL | artifactRetentionDays: 7 | artifactRetentionDays: 7\\n    chartRepository: charts.example.com | argo-gke:argo.chartRepository: 'charts.example.com' is not a chart repository URL",
            "DNS project malformed   |      dnsName: example.com |      dnsName: example.com\\n      project: Acme_DNS | argo-gke:edge.dns.project: 'Acme_DNS' is not a Google Cloud project id",
            "chart path is a URL     | artifactRetentionDays: 7 | artifactRetentionDays: 7\\n    chartPath: oci://ghcr.io/argoproj/argo-helm | argo-gke:argo.chartPath: 'oci://ghcr.io/argoproj/argo-helm' is a URL; set it as argo.chartRepository instead",
    })
    void badConfigIsOneProblemNamingTheKey(String what, String line, String replacement, String expected) {
        String text = TestSettings.devWith(line, replacement == null ? "" : replacement.replace("\\n", "\n"));
        SettingsException e = fails(text);
        // The key right after the file's name, so a longer key (edge.iapMembers[0]) cannot pass for it.
        assertTrue(e.getMessage().startsWith(dir.resolve("Pulumi.dev.yaml") + ": " + expected.trim()), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void emptyIapMembersIsRefusedNeverAnOpenDoor() {
        SettingsException e = fails(TestSettings.devWith("      - group:data-team@example.com", "      []").replace("iapMembers:\n      []", "iapMembers: []"));
        assertTrue(e.getMessage().contains("argo-gke:edge.iapMembers: is empty"), e.getMessage());
    }

    /** With the public endpoint off, its keys would configure nothing: each is named, so nobody thinks IAP guards a UI that is not there. */
    @Test
    void anEdgeTurnedOffRefusesItsOtherKeysAndTheOAuthSecretIsUnused() {
        SettingsException e = fails(TestSettings.devWith("    host: argo-dev.example.com", "    enabled: false\n    host: argo-dev.example.com"));
        assertEquals(List.of(
                "argo-gke:edge.host: not used with edge.enabled: false (there is no public endpoint); remove it, or remove enabled: false",
                "argo-gke:edge.dns: not used with edge.enabled: false (there is no public endpoint); remove it, or remove enabled: false",
                "argo-gke:edge.iapMembers: not used with edge.enabled: false (there is no public endpoint); remove it, or remove enabled: false"),
                e.problems());
    }

    @Test
    void anEdgeTurnedOffLeavesNoEdge() {
        String text = TestSettings.devWith("  argo-gke:edge:\n", "  argo-gke:edge:\n    enabled: false\n  argo-gke:unused-edge:\n");
        text = text.substring(0, text.indexOf("  argo-gke:unused-edge:\n")) + text.substring(text.indexOf("  # CIS GKE 5.6.3"));
        Settings s = SettingsLoader.load("dev", TestSettings.stackFile(dir, "dev", text));
        assertTrue(s.edge().isEmpty());
    }

    @Test
    void aDnsProjectIsNotUsedWithAnExternalDomain() {
        SettingsException e = fails(TestSettings.devWith("      mode: existing-zone", "      mode: external\n      project: acme-dns")
                .replace("      zone: example-com\n", ""));
        assertEquals(List.of("argo-gke:edge.dns.project: not used with mode external; remove it, or use mode existing-zone"), e.problems());
    }

    /** A value read twice (for a refused choice, then for the setting) was reported twice; each mistake is one line. */
    @Test
    void aChoiceThatIsNotTextIsOneProblem() {
        SettingsException e = fails(TestSettings.devWith("    serverAuthMode: server", "    serverAuthMode: 5")
                .replace("    releaseChannel: REGULAR", "    releaseChannel: [REGULAR]"));
        assertEquals(List.of("argo-gke:cluster.releaseChannel: must be text, found a list",
                "argo-gke:argo.serverAuthMode: must be text, found number 5"), e.problems());
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() {
        SettingsException e = fails(TestSettings.devWith("      maxNodes: 3", "      maxNodes: 0")
                .replace("argo-gke:environment: dev", "argo-gke:environment: staging"));
        assertEquals(2, e.problems().size(), e.problems().toString());
        // Every problem on a line of its own, each naming the file and the key.
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(2, lines.size(), e.getMessage());
        assertTrue(lines.get(0).endsWith("Pulumi.dev.yaml: argo-gke:environment: 'staging' is not one of dev, prod"), lines.get(0));
        assertTrue(lines.get(1).endsWith("Pulumi.dev.yaml: argo-gke:nodePools[0].maxNodes: must be from 1 to 1000, found 0"), lines.get(1));
    }

    @Test
    void plainTextOauthSecretIsRefused() {
        SettingsException e = fails(TestSettings.devWith("      - group:data-team@example.com",
                "      - group:data-team@example.com\n    oauthClientId: 123456789-abcdefgh.apps.googleusercontent.com\n  argo-gke:oauthClientSecret: hunter2"));
        assertTrue(e.getMessage().contains("argo-gke:oauthClientSecret: is stored in plain text"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "never echo a secret");
    }

    @Test
    void encryptedOauthSecretIsAcceptedAndNeverPrinted() {
        Settings s = load(TestSettings.devWith("      - group:data-team@example.com",
                "      - group:data-team@example.com\n    oauthClientId: 123456789-abcdefgh.apps.googleusercontent.com\n  argo-gke:oauthClientSecret:\n    secure: v1:abc:def"));
        assertTrue(s.edge().orElseThrow().oauthClient().isPresent());
        assertEquals("[secret argo-gke:oauthClientSecret]", s.edge().orElseThrow().oauthClient().get().clientSecret().toString());
    }

    @Test
    void unknownTopLevelKeySuggestsTheKnownOne() {
        SettingsException e = fails(TestSettings.devWith("argo-gke:nodePools:", "argo-gke:nodepools:"));
        List<String> problems = e.problems();
        assertTrue(problems.stream().anyMatch(p -> p.equals("argo-gke:nodepools: unknown setting (did you mean argo-gke:nodePools?)")), problems.toString());
    }

    @Test
    void aKeyThreeEditsFromAKnownOneGetsNoSuggestion() {
        // The Pulumi CLI's bound for a misspelt Pulumi.yaml key is 2 edits (names/DidYouMean). "rleaseChanl"
        // is 3 insertions (e, n, e) from "releaseChannel"; config used to allow a third of the typed length (3).
        SettingsException e = fails(TestSettings.devWith("    releaseChannel: REGULAR", "    rleaseChanl: REGULAR"));
        assertTrue(e.problems().contains("argo-gke:cluster.rleaseChanl: unknown setting"), e.problems().toString());
    }

    @Test
    void aStringWhereAMappingBelongsSaysWhatWasFound() {
        SettingsException e = fails(TestSettings.devWith("  argo-gke:argo:\n    serverAuthMode: server\n    artifactRetentionDays: 7",
                "  argo-gke:argo: server"));
        assertTrue(e.getMessage().contains("argo-gke:argo: must be a mapping"), e.getMessage());
    }

    /** Argo docs/security.md: "the managed namespace should therefore not be the controller's namespace". */
    @Test
    void workflowsInArgosOwnNamespaceAreRefusedNamingTheKey() {
        SettingsException e = fails(TestSettings.devWith("  argo-gke:workflows:\n", "  argo-gke:workflows:\n    namespace: argo\n"));
        assertEquals(List.of("argo-gke:workflows.namespace: 'argo' is Argo's own namespace (argo.namespace); workflows must run in "
                + "another one, or whoever submits a workflow could act as the controller: remove the key to use argo-workflows"), e.problems());
    }

    /** The argo-events chart's namespaced Role lets its controller create any pod in its namespace (templates/argo-events-controller/rbac.yaml). */
    @Test
    void argoEventsInTheWorkflowsNamespaceIsRefusedNamingTheKey() {
        SettingsException e = fails(TestSettings.devWith("  argo-gke:events:\n", "  argo-gke:events:\n    namespace: argo-workflows\n"));
        assertEquals(List.of("argo-gke:events.namespace: 'argo-workflows' is already Argo's or the workflows' namespace; Argo Events needs one "
                + "of its own (its controller may run any pod there): remove the key to use argo-events"), e.problems());
    }

    @Test
    void argoEventsHasItsOwnNamespaceByDefault() {
        assertEquals("argo-events", TestSettings.of("dev").events().namespace());
    }

    @Test
    void defaultsAreSafe() {
        Settings s = load("""
                config:
                  gcp:project: acme-argo-dev
                  gcp:region: europe-west1
                  argo-gke:environment: dev
                  argo-gke:cluster: {location: europe-west1-b}
                  argo-gke:nodePools: [{name: general, machineType: e2-medium, minNodes: 0, maxNodes: 2}]
                  argo-gke:edge: {host: argo.example.com, dns: {mode: external}, iapMembers: [domain:example.com]}
                """);
        assertTrue(s.newCluster().orElseThrow().privateNodes());
        assertTrue(s.nodePools().get(0).spot());
        assertEquals(Settings.ServerAuthMode.SERVER, s.argo().serverAuthMode());
        // argo-helm's argo-workflows chart 1.0.18 (Argo v4.0.6): the chart ../shared/charts holds and the tests render.
        assertEquals("1.0.18", s.argo().chartVersion());
        assertEquals(Settings.ChartSource.repository("https://argoproj.github.io/argo-helm"), s.argo().chartSource());
        assertEquals("argo-workflows", s.workflows().namespace(), "never the controller's namespace (Argo docs/security.md)");
        assertTrue(s.workflows().suspendAll());
        assertEquals(Settings.DnsMode.EXTERNAL, s.edge().orElseThrow().dns().mode());
    }

    @Test
    void dataAccessLogsAreOnUnlessAStackTurnsThemOff() {
        assertTrue(TestSettings.of("dev").gcp().orElseThrow().dataAccessLogs(), "on by default");
        Settings off = load(TestSettings.devWith("  argo-gke:environment: dev\n",
                "  argo-gke:environment: dev\n  argo-gke:dataAccessLogs: false\n"));
        assertFalse(off.gcp().orElseThrow().dataAccessLogs());
        // Pulumi hands a boolean config value over as text (PulumiProjectRules.validValue accepts "true"/"false").
        Settings asText = load(TestSettings.devWith("  argo-gke:environment: dev\n",
                "  argo-gke:environment: dev\n  argo-gke:dataAccessLogs: 'false'\n"));
        assertFalse(asText.gcp().orElseThrow().dataAccessLogs());
    }

    @Test
    void dataAccessLogsThatAreNotTrueOrFalseAreOneProblemNamingTheKey() {
        SettingsException e = fails(TestSettings.devWith("  argo-gke:environment: dev\n",
                "  argo-gke:environment: dev\n  argo-gke:dataAccessLogs: sometimes\n"));
        assertEquals(List.of("argo-gke:dataAccessLogs: must be true or false, found text 'sometimes'"), e.problems());
    }

    @Test
    void turningDataAccessLogsOffIsRefusedForAClusterOutsideGoogleCloud() {
        String kubeconfig = """
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: ~/.kube/config}
                """;
        // true is what the Pulumi CLI hands every stack from Pulumi.yaml's default: accepted, and means nothing here.
        assertTrue(load(kubeconfig + "  argo-gke:dataAccessLogs: true\n").gcp().isEmpty());
        SettingsException e = fails(kubeconfig + "  argo-gke:dataAccessLogs: false\n");
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("argo-gke:dataAccessLogs: not used with argo-gke:cluster.existing.kubeconfig"),
                e.problems().toString());
    }

    @Test
    void aBucketNotificationIsRefusedForAClusterOutsideGoogleCloud() {
        SettingsException e = fails("""
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: ~/.kube/config}
                  argo-gke:events:
                    bucketNotifications: [{eventSource: partner-files, bucket: acme-partner-drop-dev}]
                """);
        assertEquals(List.of("argo-gke:events.bucketNotifications: a bucket notification needs Google Cloud, and this stack's cluster is"
                + " reached by kubeconfig (cluster.existing.kubeconfig); remove it"), e.problems());
    }

    @Test
    void bucketNotificationsThatAreNotAListAreOneProblemOutsideGoogleCloudToo() {
        SettingsException e = fails("""
                config:
                  argo-gke:environment: dev
                  argo-gke:cluster:
                    existing: {kubeconfig: ~/.kube/config}
                  argo-gke:events:
                    bucketNotifications: partner-files
                """);
        assertEquals(List.of("argo-gke:events.bucketNotifications: must be a list, found text 'partner-files'"), e.problems());
    }

    @Test
    void theChartComesFromAMirrorAnOciRegistryOrAFolder() {
        assertEquals(Settings.ChartSource.repository("https://charts.example.com/argo"),
                load(TestSettings.devWith("    artifactRetentionDays: 7", "    artifactRetentionDays: 7\n    chartRepository: https://charts.example.com/argo/")).argo().chartSource());
        Settings.ChartSource oci = load(TestSettings.devWith("    artifactRetentionDays: 7",
                "    artifactRetentionDays: 7\n    chartRepository: oci://ghcr.io/argoproj/argo-helm")).argo().chartSource();
        assertTrue(oci.oci());
        Settings.ChartSource folder = load(TestSettings.devWith("    artifactRetentionDays: 7",
                "    artifactRetentionDays: 7\n    chartPath: ../shared/charts/argo-workflows/")).argo().chartSource();
        assertEquals(Settings.ChartSource.folder("../shared/charts/argo-workflows"), folder);
        assertFalse(folder.oci());
    }

    @Test
    void anUnknownKeyWithALineBreakInItsNameIsReportedOnOneLine() {
        SettingsException top = fails(TestSettings.devWith("  argo-gke:environment: dev", "  argo-gke:environment: dev\n  \"argo-gke:\\n\": x"));
        assertTrue(top.getMessage().contains("argo-gke:?: unknown setting"), top.getMessage());
        assertEquals(1, top.getMessage().lines().count(), top.getMessage());
        SettingsException nested = fails(TestSettings.devWith("    privateNodes: true", "    privateNodes: true\n    \"private\\nNodes\": true"));
        assertTrue(nested.getMessage().contains("argo-gke:cluster.private?Nodes: unknown setting"), nested.getMessage());
        assertEquals(1, nested.getMessage().lines().count(), nested.getMessage());
    }

    @Test
    void aWorkflowRoleListedTwiceIsAnErrorBeforeItsBindingsClash() {
        String prod = prodWith("      - roles/datastore.user", "      - roles/datastore.user\n      - roles/datastore.user");
        SettingsException twice = fails(prod);
        assertTrue(twice.getMessage().contains("argo-gke:argo.workflowRoles[3]: 'roles/datastore.user' is listed twice"), twice.getMessage());
    }

    /**
     * The worked examples: roles that let a job act as another identity (iam.workloadIdentityUser,
     * iam.serviceAccountUser), administer storage, VMs or the cluster, and custom roles whose permissions
     * the stack file does not show. Each is one problem naming the key and the allowed list.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"roles/iam.workloadIdentityUser", "roles/iam.serviceAccountUser",
            "roles/storage.admin", "roles/compute.admin", "roles/container.developer", "roles/owner",
            "projects/acme-argo-prod/roles/etlRunner", "organizations/123456789/roles/etlRunner"})
    void aWorkflowRoleOutsideTheDataRolesIsRefusedNamingTheAllowedOnes(String role) {
        SettingsException e = fails(prodWith("      - roles/datastore.user", "      - roles/datastore.user\n      - " + role));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains(".yaml: argo-gke:argo.workflowRoles[3]: '" + role + "' is not one of the data roles workflows may get"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowed: roles/bigquery.dataViewer, roles/bigquery.dataEditor, roles/bigquery.jobUser"), e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"roles/pubsub.publisher", "roles/pubsub.subscriber", "roles/storage.objectViewer",
            "roles/cloudsql.client", "roles/logging.logWriter"})
    void theDataRolesEtlJobsNeedAreAllowed(String role) {
        String text = prodWith("      - roles/datastore.user", "      - roles/datastore.user\n      - " + role);
        assertTrue(SettingsLoader.load("prod", TestSettings.stackFile(dir, "prod", text)).argo().workflowRoles().contains(role));
    }

    /** Project-wide, secretAccessor would read every secret in the project; the ExternalSecrets grant it secret by secret. */
    @Test
    void secretManagerAccessIsNotAProjectRoleForTheWorkflows() {
        String text = prodWith("      - roles/datastore.user", "      - roles/datastore.user\n      - roles/secretmanager.secretAccessor");
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsLoader.load("prod", TestSettings.stackFile(dir, "prod", text)));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("argo-gke:argo.workflowRoles[3]: 'roles/secretmanager.secretAccessor' is not one of the data roles workflows may get"
                + " (a job reads a Secret Manager secret through an ExternalSecret in workflows/"), e.getMessage());
    }

    private static String prodWith(String line, String replacement) {
        try {
            String text = java.nio.file.Files.readString(Path.of("stacks/Pulumi.prod.yaml"));
            assertTrue(text.contains(line), line);
            return text.replace(line, replacement);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
