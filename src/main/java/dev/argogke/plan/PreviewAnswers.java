package dev.argogke.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.Resource;
import java.lang.reflect.Field;
import pulumirpc.Resource.RegisterResourceResponse;

/** How a preview answers a resource it has yet to create: shared by the offline plan and the tests' mock cloud. */
public final class PreviewAnswers {
    /** The engine's unknown value on the wire (pulumi-java Constants.UnknownValue). */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private PreviewAnswers() {
    }

    /**
     * Every output the mocks did not answer, as unknown. The mocks can only answer a resource's
     * inputs; a real preview answers what the provider computes (ids, emails, a release's status)
     * as unknown. The difference matters: the SDK ties an unknown output to its resource, but an
     * output missing from the answer to no resource at all (Java SDK 1.36.1,
     * OutputCompletionSource.trySetDefaultResult), so whatever is built from it would record no
     * dependency, although {@code pulumi up} still waits for it.
     */
    public static RegisterResourceResponse withUnknownOutputs(Resource resource, RegisterResourceResponse response) {
        Struct.Builder object = response.getObject().toBuilder();
        for (Class<?> c = resource.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Export export = field.getAnnotation(Export.class);
                String name = export == null ? null : export.name().isEmpty() ? field.getName() : export.name();
                if (name != null && !object.containsFields(name) && !name.equals("urn") && !name.equals("id")) {
                    object.putFields(name, Value.newBuilder().setStringValue(UNKNOWN).build());
                }
            }
        }
        return response.toBuilder().setObject(object).build();
    }
}
