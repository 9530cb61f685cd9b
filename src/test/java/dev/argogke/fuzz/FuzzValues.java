package dev.argogke.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.RandomGenerator;

/**
 * Values a careless or hostile stack file might hold: jqwik's generators (with their edge cases:
 * empty, extremes, any Unicode) plus pools of near misses for the fields that have a shape
 * (IAP members, domains, CIDRs, roles, waivers). Must be created and used on a jqwik thread.
 */
final class FuzzValues {
    static final List<String> MEMBERS = List.of("user:", "user:@", "user:ana", "user:ana@", "user:ana@example", "user:ana@example.com",
            "group:data-team@example.com", "group:", "domain:", "domain:example.com", "domain:-bad-.com", "domain:EXAMPLE.COM",
            "allUsers", "allAuthenticatedUsers", "serviceAccount:x@y.iam.gserviceaccount.com", "ana@example.com", "USER:ana@example.com",
            "user:ana@exämple.com", "user: ana@example.com", "user:ana@example.com ", "user:" + "a".repeat(70) + "@example.com", ":", "");
    static final List<String> DOMAINS = List.of("", ".", "..", "example.com", "argo.example.com.", "ARGO.EXAMPLE.COM", "a..b.com", "-a.com",
            "a-.com", "xn--bcher-kva.example", "bücher.example", "localhost", "127.0.0.1", "a".repeat(64) + ".com",
            ("abcdefghij.").repeat(26) + "com", "example.com/path", "*.example.com", "argo.example.net", "https://argo.example.com");
    static final List<String> CIDRS = List.of("10.0.0.0/8", "0.0.0.0/0", "10.0.0.0/33", "256.1.1.1/8", "1.2.3.4", "::/0",
            "2001:db8::/32", "10.0.0.0/-1", "10.0.0/24", "10.0.0.0.0/24", "/24", "", " 10.0.0.0/8", "１０.0.0.0/8");
    static final List<String> ROLES = List.of("roles/owner", "roles/editor", "roles/bigquery.dataEditor", "roles/", "roles/x",
            "projects/acme-argo-dev/roles/custom_role", "organizations/123/roles/x.y", "bigquery.dataEditor", "roles/iam.serviceAccountTokenCreator");
    static final List<String> RULES = List.of("private-nodes", "iap-required", "private-node", "PRIVATE-NODES", "", "-x", "no-such-rule",
            "deletion-protection", "a".repeat(80));
    static final List<String> KEYS = List.of("environment", "cluster", "nodePools", "argo", "workflows", "edge", "oauthClientSecret",
            "waivers", "location", "name", "releaseChannel", "privateNodes", "authorizedNetworks", "deletionProtection", "machineType",
            "minNodes", "maxNodes", "spot", "diskSizeGb", "diskType", "workflowsOnly", "namespace", "chartVersion", "imageTag", "chartRepository", "chartPath",
            "serverAuthMode", "artifactRetentionDays", "workflowRoles", "directory", "suspendAll", "imageRegistry", "host", "dns",
            "iapMembers", "oauthClientId", "mode", "zone", "dnsName", "rule", "reason", "secure");
    static final List<String> WORDS = List.of("true", "false", "yes", "no", "on", "off", "True", "null", "~", "0", "-1", "1e3", "0x10",
            "dev", "prod", "PROD", "Dev", "europe-west1", "europe-west1-b", "us-central1-a", "e2-medium", "REGULAR", "rapid", "server",
            "sso", "client", "existing-zone", "create-zone", "external", "workflows", ".", "stacks", "/etc", "../x", "v4.1.2", "2.0.1", "v4.0.6", "1.0.18",
            "oci://ghcr.io/argoproj/argo-helm", "https://argoproj.github.io/argo-helm", "../shared/charts/argo-workflows",
            "[secret]", "{}", "[]", "\"\"", "'", "\\", "\t", "\n", "\r\n", "\u0000", "\u202e", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ä", "İ", "\uFEFF");

    private final Random random;
    private final RandomGenerator<String> anyText = Arbitraries.strings().all().ofMaxLength(40).generatorWithEmbeddedEdgeCases(1000);
    private final RandomGenerator<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24).generatorWithEmbeddedEdgeCases(1000);
    private final RandomGenerator<Long> longs = Arbitraries.longs().generatorWithEmbeddedEdgeCases(1000);
    private final RandomGenerator<Integer> smallInts = Arbitraries.integers().between(-5, 1005).generatorWithEmbeddedEdgeCases(1000);
    private final RandomGenerator<Double> doubles = Arbitraries.doubles().generatorWithEmbeddedEdgeCases(1000);

    FuzzValues(Random random) {
        this.random = random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    String text() {
        return switch (random.nextInt(8)) {
            case 0 -> anyText.next(random).value();
            case 1, 2 -> printable.next(random).value();
            case 3 -> pick(WORDS);
            case 4 -> pick(MEMBERS);
            case 5 -> pick(DOMAINS);
            case 6 -> pick(CIDRS);
            default -> random.nextInt(20) == 0 ? "x".repeat(100_000 + random.nextInt(1000)) : pick(ROLES);
        };
    }

    Object number() {
        return switch (random.nextInt(5)) {
            case 0 -> longs.next(random).value();
            case 1, 2 -> smallInts.next(random).value();
            case 3 -> doubles.next(random).value();
            default -> new BigInteger(1 + random.nextInt(200), random).negate().pow(random.nextBoolean() ? 1 : 3);
        };
    }

    /** Any value a YAML file can hold, nested up to {@code depth}. */
    Object value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 8);
        return switch (kind) {
            case 0, 1 -> text();
            case 2 -> number();
            case 3 -> random.nextBoolean();
            case 4 -> random.nextInt(4) == 0 ? new byte[] {1, 2, (byte) 0xff} : null;
            case 5 -> list(depth - 1);
            case 6 -> map(depth - 1);
            default -> {
                Map<Object, Object> secure = new LinkedHashMap<>();
                secure.put("secure", random.nextBoolean() ? "v1:AAAA" : value(depth - 1));
                yield secure;
            }
        };
    }

    List<Object> list(int depth) {
        List<Object> out = new ArrayList<>();
        int n = random.nextInt(10) == 0 ? 50 + random.nextInt(200) : random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(value(depth));
        }
        return out;
    }

    Map<Object, Object> map(int depth) {
        Map<Object, Object> out = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            Object key = switch (random.nextInt(6)) {
                case 0 -> text();
                case 1 -> number();
                case 2 -> random.nextBoolean();
                default -> pick(KEYS);
            };
            out.put(key, value(depth));
        }
        return out;
    }

    /** A value made for one of the fields: a valid alternative, a near miss, or garbage. */
    Object valueFor(String key) {
        if (chance(30)) {
            Object valid = validFor(key);
            if (valid != null) {
                return valid;
            }
        }
        if (chance(40)) {
            return value(3);
        }
        return switch (key) {
            case "iapMembers" -> new ArrayList<>(List.of(pick(MEMBERS), pick(MEMBERS)));
            case "host", "dnsName" -> pick(DOMAINS);
            case "authorizedNetworks" -> new ArrayList<>(List.of(pick(CIDRS)));
            case "workflowRoles" -> new ArrayList<>(List.of(pick(ROLES)));
            case "waivers" -> {
                Map<Object, Object> waiver = new LinkedHashMap<>();
                waiver.put("rule", pick(RULES));
                waiver.put("reason", chance(30) ? "" : text());
                yield new ArrayList<>(List.of(waiver));
            }
            case "minNodes", "maxNodes", "diskSizeGb", "artifactRetentionDays" -> number();
            default -> chance(50) ? pick(WORDS) : text();
        };
    }

    /** Another value the field accepts (so that plans of changed stacks run, and policies refuse some); null if none. */
    private Object validFor(String key) {
        return switch (key) {
            case "privateNodes", "spot", "suspendAll", "workflowsOnly", "deletionProtection" -> random.nextBoolean();
            case "minNodes" -> random.nextInt(3);
            case "maxNodes" -> 3 + random.nextInt(20);
            case "diskSizeGb" -> 10 + random.nextInt(500);
            case "artifactRetentionDays" -> 1 + random.nextInt(365);
            case "releaseChannel" -> pick(List.of("RAPID", "REGULAR", "STABLE", "EXTENDED", "UNSPECIFIED"));
            case "machineType" -> pick(List.of("e2-standard-4", "n2-highmem-8", "e2-small"));
            case "diskType" -> pick(List.of("pd-standard", "pd-balanced", "pd-ssd"));
            case "serverAuthMode" -> pick(List.of("server", "sso", "client"));
            case "iapMembers" -> new ArrayList<>(List.of(pick(List.of("user:ana@example.com", "domain:example.com", "group:ops@example.com"))));
            case "authorizedNetworks" -> new ArrayList<>(List.of("203.0.113.0/24"));
            case "workflowRoles" -> new ArrayList<>(List.of("roles/bigquery.jobUser"));
            case "waivers" -> {
                Map<Object, Object> waiver = new LinkedHashMap<>();
                waiver.put("rule", pick(List.of("private-nodes", "deletion-protection", "iap-required")));
                waiver.put("reason", "fuzzed reason " + random.nextInt(100));
                yield new ArrayList<>(List.of(waiver));
            }
            case "namespace" -> pick(List.of("argo", "jobs"));
            default -> null;
        };
    }
}
