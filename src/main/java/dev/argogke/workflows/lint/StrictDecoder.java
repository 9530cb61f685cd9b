package dev.argogke.workflows.lint;

import dev.argogke.names.DidYouMean;
import dev.argogke.tree.Tree;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first layer of {@code argo lint}: decoding a document into Argo's Go types with
 * sigs.k8s.io/json {@code UnmarshalStrict} (Argo v4.1 workflow/common/parse.go), where an unknown
 * field or a value of the wrong JSON type is an error. Driven by {@link FieldModel}.
 *
 * <p>Argo converts YAML to JSON without looking at the target type, so {@code value: 8080} for a
 * string field is an error there too; the leniencies are the types with their own decoding:
 * IntOrString, Quantity, AnyString (parameter values) and free-form values.
 */
final class StrictDecoder {
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final FieldModel model;

    StrictDecoder(FieldModel model) {
        this.model = model;
    }

    /** Checks a whole document against the object type named {@code typeName}. */
    void decodeDocument(Map<String, Object> document, String typeName, DocumentFindings out) {
        decode(document, new FieldType.Ref(typeName), "", out);
    }

    void decode(Object value, FieldType type, String path, DocumentFindings out) {
        if (value == null) {
            return; // Go's decoder leaves the field at its zero value
        }
        if (type instanceof FieldType.Ref ref) {
            decodeObject(value, model.type(ref.typeName()), path, out);
        } else if (type instanceof FieldType.ListOf list) {
            if (!(value instanceof List<?> items)) {
                if (value instanceof Map<?, ?> && list.element() instanceof FieldType.Ref r && r.typeName().equals("WorkflowStep")) {
                    out.error(path, "expected a group of parallel steps, got a single step: steps are written"
                            + " \"- - name: ...\" (a list of groups, each a list of steps)");
                    return;
                }
                out.error(path, "expected a list, got " + ValueText.describe(value) + hintForList(value));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                decode(items.get(i), list.element(), Tree.index(path, i), out);
            }
        } else if (type instanceof FieldType.MapOf map) {
            if (!(value instanceof Map<?, ?> entries)) {
                out.error(path, "expected a mapping, got " + ValueText.describe(value));
                return;
            }
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                decode(e.getValue(), map.value(), Tree.join(path, String.valueOf(e.getKey())), out);
            }
        } else if (value instanceof String s && out.manifest().positions().yaml11Booleans().contains(path)) {
            // Kubernetes and Argo read YAML 1.1, where an unquoted yes/no/on/off is a boolean.
            if (!(type instanceof FieldType.Scalar scalar && (scalar.kind() == FieldType.Kind.BOOL
                    || scalar.kind() == FieldType.Kind.ANY || scalar.kind() == FieldType.Kind.ANY_STRING))) {
                out.error(path, "unquoted " + s + " is a boolean to Kubernetes and Argo (YAML 1.1); quote it: \"" + s + "\"");
            }
        } else if (type instanceof FieldType.OneOf oneOf) {
            if (!(value instanceof String s)) {
                out.error(path, "expected one of " + String.join(", ", oneOf.values()) + ", got " + ValueText.describe(value));
            } else if (!oneOf.values().contains(s) && !s.contains("{{")) {
                out.error(path, "\"" + ValueText.abbreviate(s) + "\" is not one of " + String.join(", ", oneOf.values()));
            }
        } else if (type instanceof FieldType.Scalar scalar) {
            String problem = scalarProblem(value, scalar.kind());
            if (problem != null) {
                out.error(path, problem);
            }
        }
    }

    private void decodeObject(Object value, FieldModel.ObjectType type, String path, DocumentFindings out) {
        if (!(value instanceof Map<?, ?> fields)) {
            out.error(path, "expected a mapping (" + type.name() + "), got " + ValueText.describe(value));
            return;
        }
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String key = String.valueOf(e.getKey());
            FieldType fieldType = type.fields().get(key);
            String fieldPath = Tree.join(path, key);
            if (fieldType == null) {
                out.error(fieldPath, unknownField(type, key));
            } else {
                decode(e.getValue(), fieldType, fieldPath, out);
            }
        }
    }

    private static String unknownField(FieldModel.ObjectType type, String key) {
        if (type.name().equals("CronWorkflowSpec") && key.equals("schedule")) {
            // Argo v4 removed CronWorkflowSpec.Schedule (cron_workflow_types.go); only the list remains.
            return "unknown field \"schedule\": Argo v4 removed it; write schedules: [\"...\"] instead";
        }
        String suggestion = DidYouMean.closest(key, type.fields().keySet()).orElse(null);
        return "unknown field \"" + key + "\" in " + type.name()
                + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?");
    }

    private static String hintForList(Object value) {
        return value instanceof String ? "; write [" + "\"" + ValueText.abbreviate((String) value) + "\"] for a list of one" : "";
    }

    /** Why {@code value} cannot be decoded as {@code kind}, or null when it can. */
    static String scalarProblem(Object value, FieldType.Kind kind) {
        switch (kind) {
            case ANY, ANY_STRING:
                return null;
            case STRING:
                return stringProblem(value);
            case BOOL:
                return value instanceof Boolean ? null : "expected true or false, got " + ValueText.describe(value);
            case INT32:
                return integerProblem(value, INT32_MIN, INT32_MAX);
            case INT64:
                return integerProblem(value, INT64_MIN, INT64_MAX);
            case UINT:
                return integerProblem(value, BigInteger.ZERO, null);
            case NUMBER:
                return numberProblem(value);
            case INT_OR_STRING:
                if (value instanceof String) {
                    return null;
                }
                return integerProblem(value, INT32_MIN, INT32_MAX) == null ? null
                        : "expected an integer or a string, got " + ValueText.describe(value);
            case INT64_OR_STRING:
                // Argo Events' Int64OrString.UnmarshalJSON (pkg/apis/events/v1alpha1/int64str.go, v1.9.10).
                if (value instanceof String) {
                    return null;
                }
                return integerProblem(value, INT64_MIN, INT64_MAX) == null ? null
                        : "expected an integer or a string, got " + ValueText.describe(value);
            case QUANTITY:
                return quantityProblem(value);
            case TIME:
                return timeProblem(value);
            case BYTES:
                return bytesProblem(value);
            case PLUGIN:
                return pluginProblem(value);
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    private static String stringProblem(Object value) {
        if (value instanceof String) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return "expected a string, got " + ValueText.describe(value) + "; quote it: \"" + value + "\"";
        }
        return "expected a string, got " + ValueText.describe(value);
    }

    private static String numberProblem(Object value) {
        if (value instanceof Number) {
            return null;
        }
        if (value instanceof String s && isNumber(s)) {
            return null;
        }
        return "expected a number, got " + ValueText.describe(value);
    }

    private static String quantityProblem(Object value) {
        if (value instanceof Number || value instanceof String) {
            String text = value instanceof Double d ? quantityText(d) : String.valueOf(value);
            return KubeValues.isQuantity(text) ? null
                    : "\"" + ValueText.abbreviate(text) + "\" is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 1Gi)";
        }
        return "expected a quantity such as 500m or 1Gi, got " + ValueText.describe(value);
    }

    private static String timeProblem(Object value) {
        if (value instanceof String s) {
            try {
                OffsetDateTime.parse(s);
                return null;
            } catch (DateTimeParseException e) {
                return "\"" + ValueText.abbreviate(s) + "\" is not an RFC 3339 time (e.g. 2024-01-31T08:00:00Z)";
            }
        }
        return "expected an RFC 3339 time, got " + ValueText.describe(value);
    }

    private static String bytesProblem(Object value) {
        if (value instanceof String s) {
            try {
                Base64.getDecoder().decode(s.replace("\n", "").replace("\r", ""));
                return null;
            } catch (IllegalArgumentException e) {
                return "expected base64 text, got \"" + ValueText.abbreviate(s) + "\"";
            }
        }
        return "expected base64 text, got " + ValueText.describe(value);
    }

    /** Argo's Plugin.UnmarshalJSON (plugin_types.go): a map of exactly one key. */
    private static String pluginProblem(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            return null;
        }
        return value instanceof Map<?, ?> m
                ? "a plugin template names exactly one plugin, got " + m.size() + " keys"
                : "expected a mapping naming one plugin, got " + ValueText.describe(value);
    }

    private static String integerProblem(Object value, BigInteger min, BigInteger max) {
        BigInteger n = null;
        if (value instanceof Integer || value instanceof Long) {
            n = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            n = b;
        } else if (value instanceof Double d && !d.isInfinite() && !d.isNaN() && d == Math.rint(d)) {
            // YAML 1.0 becomes the JSON number 1, which Go decodes into an integer field.
            n = java.math.BigDecimal.valueOf(d).toBigInteger();
        }
        if (n == null) {
            String got = ValueText.describe(value);
            return value instanceof String s && isInteger(s)
                    ? "expected an integer, got " + got + "; remove the quotes"
                    : "expected an integer, got " + got;
        }
        if (n.compareTo(min) < 0) {
            return min.signum() == 0 ? "must not be negative, got " + n : "integer " + n + " is too small";
        }
        if (max != null && n.compareTo(max) > 0) {
            return "integer " + n + " is too large (at most " + max + ")";
        }
        return null;
    }

    private static String quantityText(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d).toLowerCase(Locale.ROOT);
    }

    private static boolean isInteger(String s) {
        return s.matches("[+-]?[0-9]+");
    }

    private static boolean isNumber(String s) {
        return s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }
}
