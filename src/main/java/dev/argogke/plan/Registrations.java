package dev.argogke.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.deployment.Deployment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Every registration of one run exactly as the SDK sent it to the engine: type, name, parent,
 * provider, the serialized inputs (where secrets and values that are only known after deploy
 * still carry the SDK's markers), the dependencies and the resource options, with the urn the
 * engine answered; and the stack's outputs. Written by the monitor of either engine: the real one
 * ({@link RecordingMonitor}) or the mock one (offline plan).
 */
public final class Registrations {
    // Markers of Pulumi's wire format (sdk/go/common/resource/plugin/rpc.go, sig.go).
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

    private final List<PlanFile.Resource> recorded = Collections.synchronizedList(new ArrayList<>());
    private volatile Map<String, Object> stackOutputs = Map.of();

    /** One registration, once the engine has answered it. */
    void add(RegisterResourceRequest request, RegisterResourceResponse response) {
        String parent = request.getParent().isEmpty() ? null : request.getParent();
        Map<String, List<String>> byProperty = new LinkedHashMap<>();
        request.getPropertyDependenciesMap().forEach((k, v) -> byProperty.put(k, List.copyOf(v.getUrnsList())));
        recorded.add(new PlanFile.Resource(
                response.getUrn(),
                request.getType(),
                request.getName(),
                parent,
                providerUrn(request.getProvider()),
                request.getCustom(),
                List.of(),
                List.copyOf(request.getDependenciesList()),
                byProperty,
                options(request, parent),
                toMap(request.getObject())));
    }

    /** A resource's outputs; only the root stack's are kept. */
    void addOutputs(RegisterResourceOutputsRequest request) {
        if (request.getUrn().contains("::" + Urns.ROOT_STACK_TYPE + "::")) {
            stackOutputs = new TreeMap<>(toMap(request.getOutputs()));
        }
    }

    /** What was registered so far, in the order the engine answered, dependsOn not yet worked out. */
    public List<PlanFile.Resource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The root stack's outputs as last registered, secrets and unknowns as markers. */
    public Map<String, Object> stackOutputs() {
        return stackOutputs;
    }

    private static PlanFile.Options options(RegisterResourceRequest request, String parent) {
        List<String> aliases = new ArrayList<>(request.getAliasURNsList());
        for (AliasOuterClass.Alias alias : request.getAliasesList()) {
            aliases.add(aliasUrn(alias, request.getType(), request.getName(), parent));
        }
        return new PlanFile.Options(request.getProtect(), request.getDeleteBeforeReplace(),
                List.copyOf(request.getIgnoreChangesList()), aliases,
                List.copyOf(request.getAdditionalSecretOutputsList()));
    }

    /**
     * An alias as the urn the engine looks the old resource up by: blank parts are the resource's
     * own, no parent given means the resource's parent (pulumi/pulumi v3.259.0,
     * pkg/resource/deploy/step_generator.go, {@code collapseAliasToUrn}).
     */
    static String aliasUrn(AliasOuterClass.Alias alias, String type, String name, String parent) {
        if (alias.hasUrn()) {
            return alias.getUrn();
        }
        AliasOuterClass.Alias.Spec spec = alias.getSpec();
        Deployment deployment = Deployment.getInstance();
        String aliasParent = spec.getNoParent() ? null : spec.getParentUrn().isEmpty() ? parent : spec.getParentUrn();
        return Urns.of(
                spec.getStack().isEmpty() ? deployment.getStackName() : spec.getStack(),
                spec.getProject().isEmpty() ? deployment.getProjectName() : spec.getProject(),
                aliasParent,
                spec.getType().isEmpty() ? type : spec.getType(),
                spec.getName().isEmpty() ? name : spec.getName());
    }

    /** A provider reference is {@code <urn>::<id>}; the plan names providers by urn. */
    static String providerUrn(String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        int cut = reference.lastIndexOf("::");
        return cut < 0 ? reference : reference.substring(0, cut);
    }

    static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> PreviewAnswers.UNKNOWN.equals(value.getStringValue()) ? PlanValues.unknown() : value.getStringValue();
            case LIST_VALUE -> list(value.getListValue());
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static Object special(Struct struct) {
        Value sig = struct.getFieldsMap().get(SIG_KEY);
        if (sig != null) {
            String kind = sig.getStringValue();
            if (SECRET_SIG.equals(kind)) {
                return PlanValues.secret();
            }
            if (OUTPUT_SIG.equals(kind)) {
                Value secret = struct.getFieldsMap().get("secret");
                if (secret != null && secret.getBoolValue()) {
                    return PlanValues.secret();
                }
                Value inner = struct.getFieldsMap().get("value");
                return inner == null ? PlanValues.unknown() : toJava(inner);
            }
            if (RESOURCE_SIG.equals(kind)) {
                Value urn = struct.getFieldsMap().get("urn");
                return urn == null ? PlanValues.unknown() : urn.getStringValue();
            }
        }
        return toMap(struct);
    }

    private static List<Object> list(ListValue list) {
        List<Object> out = new ArrayList<>();
        list.getValuesList().forEach(v -> out.add(toJava(v)));
        return out;
    }

    /** Protobuf carries numbers as doubles; whole ones are written as integers. */
    private static Object number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }
}
