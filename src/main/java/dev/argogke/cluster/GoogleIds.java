package dev.argogke.cluster;

/** Google's limits on generated ids. */
public final class GoogleIds {
    private GoogleIds() {
    }

    /** Service account ids: 6-30 characters, lowercase letters, digits and dashes, not ending in a dash. */
    public static String serviceAccountId(String wanted) {
        String s = wanted.toLowerCase().replaceAll("[^a-z0-9-]", "-");
        if (s.length() > 30) {
            s = s.substring(0, 30);
        }
        s = s.replaceAll("-+$", "");
        while (s.length() < 6) {
            s = s + "-sa";
        }
        return s;
    }

    /**
     * A user-managed service account's email, which Google derives from its id and project
     * (Google Cloud IAM docs, "Service accounts": {@code SA_NAME@PROJECT_ID.iam.gserviceaccount.com}).
     */
    public static String serviceAccountEmail(String accountId, String project) {
        return accountId + "@" + project + ".iam.gserviceaccount.com";
    }
}
