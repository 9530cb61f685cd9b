package dev.argogke.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names Argo accepts, derived from CronJob names. */
final class Names {
    /**
     * Argo limits CronWorkflow names to 52 characters, so that the Workflows it creates (name plus
     * an 11-character suffix) still fit Kubernetes' 63 (Argo v4.1 workflow/validate/validate.go).
     * The WorkflowTemplate beside it takes the same name: Argo allows a WorkflowTemplate 63
     * characters (maxCharsInObjectName, same file, v4.0.7 too), the API server a DNS-1123 subdomain.
     */
    static final int CRON_WORKFLOW_MAX = 52;

    /** Argo's rule for template and DAG task names: {@code [a-zA-Z0-9][-a-zA-Z0-9]*}, at most 128 (validate.go). */
    static final int STEP_MAX = 63; // stricter than Argo's 128: keeps names short enough to read

    private static final int HASH_CHARS = 8;

    private Names() {
    }

    /**
     * {@code name} if it fits in {@code max} characters, else a prefix of it, a dash and 8 hex
     * characters of the name's SHA-256: the same long name always gives the same short one, and
     * two long names that share a prefix still differ.
     */
    static String shorten(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String prefix = name.substring(0, max - HASH_CHARS - 1);
        while (!prefix.isEmpty() && !Character.isLetterOrDigit(prefix.charAt(prefix.length() - 1))) {
            prefix = prefix.substring(0, prefix.length() - 1); // a name part must end with a letter or digit
        }
        return prefix + "-" + sha256(name).substring(0, HASH_CHARS);
    }

    /**
     * A template and task name for a CronJob: dots (allowed in Kubernetes names) become dashes,
     * and a leading digit gets a {@code job-} prefix, as Argo rejects task names starting with a
     * digit when tasks depend on each other (validate.go, "name cannot begin with a digit").
     */
    static String step(String cronJobName) {
        String s = cronJobName.replace('.', '-');
        if (Character.isDigit(s.charAt(0))) {
            s = "job-" + s;
        }
        return shorten(s, STEP_MAX);
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
