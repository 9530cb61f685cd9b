package dev.argogke.workflows.lint;

import java.util.Set;

/** What one field of an Argo or Kubernetes object may hold; see {@code argo-fields.txt}. */
sealed interface FieldType {

    /** A leaf value checked by kind. */
    record Scalar(Kind kind) implements FieldType {
    }

    /** A string that must be one of a few words (an enum of the Kubernetes API). */
    record OneOf(Set<String> values) implements FieldType {
    }

    record ListOf(FieldType element) implements FieldType {
    }

    /** A map from strings to values. */
    record MapOf(FieldType value) implements FieldType {
    }

    /** An object of a named type of the model. */
    record Ref(String typeName) implements FieldType {
    }

    enum Kind {
        STRING("str", "a string"),
        INT32("int", "an integer"),
        INT64("long", "an integer"),
        UINT("uint", "a non-negative integer"),
        BOOL("bool", "true or false"),
        NUMBER("num", "a number"),
        INT_OR_STRING("intstr", "an integer or a string"),
        INT64_OR_STRING("int64str", "a 64-bit integer or a string"),
        QUANTITY("qty", "a quantity such as 500m or 1Gi"),
        ANY_STRING("anystr", "a value"),
        ANY("any", "a value"),
        TIME("time", "an RFC 3339 time such as 2024-01-31T08:00:00Z"),
        BYTES("bytes", "base64 text"),
        PLUGIN("plugin", "a mapping with exactly one key, the plugin's name");

        final String word;
        final String description;

        Kind(String word, String description) {
            this.word = word;
            this.description = description;
        }

        static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }
}
