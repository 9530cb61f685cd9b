package dev.argogke.plan;

/**
 * Pulumi URNs as the engine makes them: {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>},
 * where the qualified type is the parent's qualified type, {@code $}, and the resource's type.
 *
 * <p>The engine leaves the root stack's type out: a child of the stack is
 * {@code urn:pulumi:dev::argo-gke::argo-gke:cluster:Network::network}, not
 * {@code ...::pulumi:pulumi:Stack$argo-gke:cluster:Network::network} as the Java SDK's mock engine
 * (com.pulumi.core.internal.Urn.create, SDK 1.36.1) names it. Sources (pulumi/pulumi v3.259.0):
 * {@code urn.New} in sdk/go/common/resource/urn/urn.go skips a parent type equal to
 * {@code tokens.RootStackType}, and {@code Deployment.generateURN} in pkg/resource/deploy/deployment.go
 * passes no parent type when the parent's qualified type is {@code pulumi:pulumi:Stack}.
 */
public final class Urns {
    public static final String PREFIX = "urn:pulumi:";
    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
    static final String NAME_DELIMITER = "::";
    static final String TYPE_DELIMITER = "$";

    private Urns() {
    }

    /** The urn the engine gives a resource registered with this parent urn (empty or null for none). */
    public static String of(String stack, String project, String parentUrn, String type, String name) {
        String qualified = type;
        if (parentUrn != null && !parentUrn.isEmpty()) {
            String parentType = qualifiedType(parentUrn);
            if (!parentType.equals(ROOT_STACK_TYPE)) {
                qualified = parentType + TYPE_DELIMITER + type;
            }
        }
        return PREFIX + stack + NAME_DELIMITER + project + NAME_DELIMITER + qualified + NAME_DELIMITER + name;
    }

    /** The third part: the parent types and the type, joined by {@code $}. */
    public static String qualifiedType(String urn) {
        return parts(urn)[2];
    }

    /** The resource's own type token (the last part of the qualified type). */
    public static String type(String urn) {
        String qualified = qualifiedType(urn);
        return qualified.substring(qualified.lastIndexOf(TYPE_DELIMITER) + 1);
    }

    /** The logical name (which may itself contain {@code ::}). */
    public static String name(String urn) {
        return parts(urn)[3];
    }

    /**
     * The engine's urn for one the SDK's mock engine made (argo-gke plans of format version 1
     * recorded those): the root stack's type is dropped from the qualified type. Anything else
     * comes back unchanged.
     */
    public static String fromMockEngine(String urn) {
        if (urn == null || !urn.startsWith(PREFIX)) {
            return urn;
        }
        String[] p = parts(urn);
        String stackPrefix = ROOT_STACK_TYPE + TYPE_DELIMITER;
        if (!p[2].startsWith(stackPrefix)) {
            return urn;
        }
        return PREFIX + p[0] + NAME_DELIMITER + p[1] + NAME_DELIMITER + p[2].substring(stackPrefix.length())
                + NAME_DELIMITER + p[3];
    }

    /** stack, project, qualified type, name. */
    private static String[] parts(String urn) {
        if (urn == null || !urn.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Pulumi urn: " + urn);
        }
        String[] p = urn.substring(PREFIX.length()).split(NAME_DELIMITER, 4);
        if (p.length != 4) {
            throw new IllegalArgumentException("not a Pulumi urn: " + urn);
        }
        return p;
    }
}
