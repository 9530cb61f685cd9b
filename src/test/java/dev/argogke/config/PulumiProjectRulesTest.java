package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.argogke.config.PulumiProjectRules.Loaded;
import dev.argogke.config.PulumiStackRules.StackConfig;
import dev.argogke.workflows.lint.SharedConformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Pulumi CLI's rules on worked examples. The expected messages are the CLI's own words, most
 * from its tests at pulumi/pulumi v3.259.0 ({@code sdk/go/common/workspace/project_test.go},
 * {@code pkg/workspace/config_project_test.go}); the last ones are the two refusals the CLI gave
 * this project's first {@code pulumi preview -s dev}.
 */
class PulumiProjectRulesTest {
    private static JsonSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(Files.readString(SharedConformance.pulumiProjectSchema())));
    }

    private static List<String> projectErrors(String yaml) {
        return PulumiProjectRules.load(yaml, schema).errors();
    }

    private static StackConfig stack(String projectYaml, String stackYaml) {
        Loaded loaded = PulumiProjectRules.load(projectYaml, schema);
        assertEquals(List.of(), loaded.errors());
        return PulumiStackRules.apply(loaded.project().orElseThrow(), "dev", stackYaml, PulumiProjectRulesTest::base64);
    }

    /** Pulumi's test crypter (config.Base64Crypter): the ciphertext is the plaintext in base64. */
    static String base64(String ciphertext) {
        return new String(Base64.getDecoder().decode(ciphertext), StandardCharsets.UTF_8);
    }

    @Test
    void anotherNamespacesKeyNeedsAValueAndNoTypeOrDefault() {
        assertEquals(List.of("Configuration key 'aws:region' is not namespaced by the project and should not define a type"),
                projectErrors("name: test\nruntime: dotnet\nconfig:\n  aws:region:\n    type: string\n    value:\n      region: us-west-1\n"));
        assertEquals(List.of("Configuration key 'aws:region' is not namespaced by the project and should not define a default value. "
                        + "Did you mean to use the 'value' attribute instead of 'default'?"),
                projectErrors("name: test\nruntime: dotnet\nconfig:\n  aws:region:\n    default: us-west-1\n"));
        assertEquals(List.of("Configuration key 'gcp:project' is namespaced and must provide an attribute 'value'"),
                projectErrors("name: test\nruntime: java\nconfig:\n  gcp:project:\n    description: Google Cloud project id.\n"));
    }

    @Test
    void aDeclarationHasADefaultOrAValueNotBoth() {
        assertEquals(List.of("project config 'instanceSize' cannot have both a 'default' and 'value' attribute"),
                projectErrors("name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: string\n    default: t3.micro\n    value: t4.large\n"));
    }

    @Test
    void typedDefaultsMustBeOfTheirType() {
        assertEquals(List.of("The configuration key 'instanceSize' declares an array but does not specify the underlying type via the 'items' attribute"),
                projectErrors("name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: array\n    default: [t3.micro, t4.large]\n"));
        assertEquals(List.of("The default value specified for configuration key 'instanceSize' is not of the expected type 'integer'"),
                projectErrors("name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: integer\n    default: hello\n"));
        assertEquals(List.of("The default value specified for configuration key 'values' is not of the expected type 'array<array<string>>'"),
                projectErrors("name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: array\n"
                        + "      items:\n        type: string\n    default: [hello]\n"));
        assertEquals(List.of(), projectErrors("name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: array\n"
                + "      items:\n        type: string\n    default: [[hello]]\n  instanceSize:\n    type: integer\n    default: 1\n"
                + "  example:\n    type: object\n    default: {hello: world}\n"));
    }

    @Test
    void theNameComesFirstThenPulumisJsonSchema() {
        assertEquals(List.of("project is missing a 'name' attribute"), projectErrors("runtime: dotnet\n"));
        assertEquals(List.of("project is missing a 'name' attribute; found 'nmae' instead"), projectErrors("nmae: test\nruntime: dotnet\n"));
        assertEquals(List.of("project is missing a non-empty string 'name' attribute"), projectErrors("name: ''\nruntime: dotnet\n"));
        List<String> errors = projectErrors("name: test\nruntime: 3\n");
        assertTrue(!errors.isEmpty() && errors.stream().allMatch(e -> e.startsWith("#/runtime: ")), errors.toString());
        errors = projectErrors("name: test\nruntime: java\nconfig:\n  size:\n    type: float\n");
        assertTrue(!errors.isEmpty() && errors.stream().anyMatch(e -> e.startsWith("#/config/size")), errors.toString());
    }

    @Test
    void configAsAFolderIsTheOldStackConfigDir() {
        assertEquals(List.of("Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead."),
                projectErrors("name: test\nruntime: dotnet\nconfig: ./some/path\nstackConfigDir: ./some/other/path\n"));
        assertEquals("./some/path", PulumiProjectRules.load("name: test\nruntime: dotnet\nconfig: ./some/path\n", schema)
                .project().orElseThrow().stackConfigDir());
    }

    @Test
    void aKeyWithoutDefaultOrValueMustBeSetInTheStack() {
        assertEquals(List.of("Stack 'dev' is missing configuration value 'values'"),
                stack("name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n", "").errors());
        assertEquals(List.of("Stack 'dev' is missing configuration values 'another' and 'values'"),
                stack("name: test\nruntime: dotnet\nconfig:\n  another:\n    type: string\n  values:\n    type: array\n    items:\n      type: string\n", "").errors());
        assertEquals(List.of("Stack 'dev' is missing configuration values 'hello', 'values' and 'world'"),
                stack("name: test\nruntime: dotnet\nconfig:\n  hello:\n    type: integer\n  values:\n    type: array\n    items:\n      type: string\n"
                        + "  world:\n    type: string\n", "").errors());
        assertEquals(List.of(), stack("name: test\nruntime: dotnet\n", "config:\n  hello: 21\n  world: 42\n").errors(),
                "keys the project does not declare are not checked");
    }

    @Test
    void typedKeysAreCheckedAgainstTheStacksValues() {
        assertEquals(List.of("Stack 'dev' with configuration key 'values' must be of type 'array<string>'"),
                stack("name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n    default: [value]\n",
                        "config:\n  test:values: someValue\n").errors());
        String integer = "name: test\nruntime: dotnet\nconfig:\n  importantNumber:\n    type: integer\n";
        assertEquals(List.of(), stack(integer, "config:\n  test:importantNumber: 20\n").errors());
        assertEquals(List.of("Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'"),
                stack(integer, "config:\n  test:importantNumber: hello\n").errors());
        assertEquals(List.of(), stack("name: test\nruntime: dotnet\nconfig:\n  instanceSize: t3.micro\n  aws:region: us-west-1\n",
                "config:\n  instanceSize: 9999\n  aws:region: 42\n").errors(), "untyped keys are not checked");
    }

    @Test
    void aSecretKeyMustBeEncryptedInTheStackSoItCannotHaveADefault() {
        String secret = "name: test\nruntime: dotnet\nconfig:\n  importantNumber:\n    type: integer\n    secret: true\n";
        assertEquals(List.of(), stack(secret, "config:\n  test:importantNumber:\n    secure: MjA=\n").errors());
        assertEquals(List.of("Stack 'dev' with configuration key 'importantNumber' must be encrypted as it's secret"),
                stack(secret, "config:\n  test:importantNumber: 20\n").errors());
        assertEquals(List.of("Stack 'dev' with configuration key 'token' must be encrypted as it's secret"),
                stack("name: test\nruntime: java\nconfig:\n  token:\n    type: string\n    secret: true\n    default: ''\n", "").errors(),
                "the default fills in a plain value, which the secret rule then refuses");
    }

    @Test
    void theProgramGetsStackValuesOverProjectDefaultsAsText() {
        StackConfig c = stack("name: test\nruntime: dotnet\nconfig:\n  instanceSize: t3.micro\n  instanceCount: 20\n  protect: true\n",
                "config:\n  test:instanceSize: t4.large\n");
        assertEquals(Map.of("test:instanceSize", "t4.large", "test:instanceCount", "20", "test:protect", "true"), c.programConfig());
        c = stack("name: test\nruntime: dotnet\nconfig:\n  aws:region: us-west-1\n  pulumi:disable-default-providers: [\"*\"]\n  instanceSize: t3.micro\n",
                "config:\n  test:instanceSize: t4.large\n");
        assertEquals(Map.of("test:instanceSize", "t4.large", "aws:region", "us-west-1", "pulumi:disable-default-providers", "[\"*\"]"),
                c.programConfig());
        c = stack("name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    value:\n      hello: world\n  aws:config:\n    value:\n      region: us-west-1\n",
                "config:\n  aws:whatever: 42\n");
        assertEquals(Map.of("test:instanceSize", "{\"hello\":\"world\"}", "aws:config", "{\"region\":\"us-west-1\"}", "aws:whatever", "42"),
                c.programConfig());
    }

    @Test
    void secretsReachTheProgramDecryptedAndListedAsSecret() {
        StackConfig c = stack("name: test\nruntime: java\n", "config:\n  token:\n    secure: czNjcmV0\n  edge:\n    oauth:\n      secure: YSZi\n    host: a.example.com\n");
        // s3cret and a&b in base64; Go's JSON writes & as \\u0026
        assertEquals(Map.of("test:token", "s3cret", "test:edge", "{\"host\":\"a.example.com\",\"oauth\":\"a\\u0026b\"}"), c.programConfig());
        assertEquals(Set.of("test:token", "test:edge"), c.secretKeys());
    }

    @Test
    void stackKeysAreNamespaceAndName() {
        assertEquals(List.of("could not parse a:b:c as a configuration key (configuration keys should be of the form `<namespace>:<name>`)"),
                stack("name: test\nruntime: java\n", "config:\n  a:b:c: 1\n").errors());
        assertEquals(Map.of("test:size", "2"), stack("name: test\nruntime: java\n", "config:\n  test:config:size: 2\n").programConfig(),
                "the old <namespace>:config:<name> form");
    }

    /** The committed Pulumi.yaml before this fix, as the CLI refused it (first, and with the gcp keys removed). */
    @Test
    void theTwoRefusalsOfTheFirstRealPreview() {
        String before = """
                name: argo-gke
                runtime: {name: java, options: {binary: target/argo-gke.jar}}
                stackConfigDir: stacks
                config:
                  gcp:project: {description: Google Cloud project id that holds everything this stack creates.}
                  gcp:region: {description: "Region for the network, NAT, bucket."}
                  environment: {type: string, description: dev or prod}
                  cluster: {description: GKE cluster}
                  nodePools: {description: Autoscaling node pools}
                  argo: {description: Argo Workflows}
                  workflows: {description: Deployed workflows}
                  edge: {description: The Argo UI behind IAP}
                  oauthClientSecret: {type: string, secret: true, description: Secret of the OAuth client}
                  waivers: {description: Policy rules waived for this stack}
                """;
        assertEquals(List.of("Configuration key 'gcp:project' is namespaced and must provide an attribute 'value'",
                "Configuration key 'gcp:region' is namespaced and must provide an attribute 'value'"), projectErrors(before));
        String withoutGcp = before.replaceAll("(?m)^  gcp:.*\\n", "");
        String devStack = "config:\n  gcp:project: acme-argo-dev\n  argo-gke:environment: dev\n  argo-gke:cluster: {location: europe-west1-b}\n"
                + "  argo-gke:nodePools: [{name: general}]\n  argo-gke:argo: {}\n  argo-gke:workflows: {}\n  argo-gke:edge: {host: argo-dev.example.com}\n";
        assertEquals(List.of("Stack 'dev' is missing configuration values 'oauthClientSecret' and 'waivers'"),
                stack(withoutGcp, devStack).errors());
    }

    /**
     * This project's Pulumi.yaml against stack mistakes; the expected lines are what Pulumi's own
     * code (pulumi/pkg v3.259.0 LoadProject, LoadProjectStack, ValidateStackConfigAndApplyProjectConfig,
     * built from the Go module proxy) printed for the same files. It stops at the first error.
     */
    @Test
    void theCommittedProjectRefusesStackMistakesAsTheCliDoes() throws IOException {
        PulumiProjectRules.Project project = PulumiProjectRules.load(java.nio.file.Path.of("Pulumi.yaml")).project().orElseThrow();
        String dev = Files.readString(java.nio.file.Path.of("stacks/Pulumi.dev.yaml"));
        assertEquals("Stack 'strcluster' with configuration key 'cluster' must be of type 'object'",
                PulumiStackRules.apply(project, "strcluster", dev.replace("  argo-gke:cluster:\n", "  argo-gke:cluster: europe-west1-b\n  argo-gke:clusterX:\n"),
                        PulumiProjectRulesTest::base64).errors().get(0));
        assertEquals(List.of("Stack 'noenv' is missing configuration value 'environment'"),
                PulumiStackRules.apply(project, "noenv", dev.replaceAll("(?m)^  argo-gke:environment:.*\n", ""), PulumiProjectRulesTest::base64).errors());
        assertEquals("Stack 'types' with configuration key 'nodePools' must be of type 'array<object>'",
                PulumiStackRules.apply(project, "types", "config:\n  argo-gke:environment: dev\n  argo-gke:cluster: {location: x}\n"
                        + "  argo-gke:nodePools: [a]\n  argo-gke:edge: {}\n  argo-gke:waivers: {rule: x}\n", PulumiProjectRulesTest::base64).errors().get(0));
    }
}
