package dev.argogke.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Google resource names made from a Pulumi stack name (and other user text), valid whatever the
 * stack is called.
 *
 * <p>Pulumi allows stack names of up to 100 characters of letters, digits, {@code -}, {@code _}
 * and {@code .} (pulumi/pulumi sdk/go/common/tokens/names.go, {@code stackNameRE}); Google's names
 * allow far less: compute resources (addresses, SSL policies) and GKE clusters are RFC 1035
 * labels (lowercase letters, digits and dashes, starting with a letter, at most 63 or 40), service
 * account ids 6-30 such characters, bucket names at most 63 and never with "google" in them
 * (Cloud Storage docs, "Bucket names"; dots would even need domain verification), label values
 * lowercase. A name that fits as it is stays exactly as it is (dev and prod keep theirs); one that
 * had to be changed or shortened gets a short hash of the wanted name, so two stacks that differ
 * only in case, punctuation or in a cut-off tail never share a name.
 */
public final class GoogleIds {
    private static final int HASH_LENGTH = 4;
    /** "google" and the misspellings Cloud Storage names as examples (g00gle). */
    private static final Pattern GOOGLE = Pattern.compile("g[o0][o0]g[l1]e", Pattern.CASE_INSENSITIVE);

    private GoogleIds() {
    }

    /**
     * {@code wanted} as lowercase letters, digits and dashes, starting with a letter and ending
     * with a letter or digit, at most {@code max} characters: unchanged when it already is one.
     */
    public static String fit(String wanted, int max) {
        return fit(clean(wanted), wanted, max);
    }

    /** {@code clean} as it is when it is {@code wanted} and fits; otherwise cut, plus a hash of {@code wanted}. */
    private static String fit(String clean, String wanted, int max) {
        if (clean.equals(wanted) && clean.length() <= max && !clean.isEmpty()) {
            return clean;
        }
        String head = clean.substring(0, Math.min(clean.length(), max - HASH_LENGTH - 1)).replaceAll("-+$", "");
        return (head.isEmpty() ? "a" : head) + "-" + hash(wanted);
    }

    /** Service account ids: 6-30 characters, lowercase letters, digits and dashes, not ending in a dash. */
    public static String serviceAccountId(String wanted) {
        String s = fit(wanted, 30);
        while (s.length() < 6) {
            s = s + "-sa";
        }
        return s;
    }

    /**
     * A Cloud Storage bucket name: at most 63 characters, never containing "google" (Cloud Storage
     * docs, "Bucket names": names "cannot contain google or close misspellings").
     */
    public static String bucketName(String wanted) {
        return fit(clean(GOOGLE.matcher(wanted).replaceAll("gcp")), wanted, 63);
    }

    /** A label value: lowercase letters, digits, dashes and underscores, at most 63 (Resource Manager docs, "Labels"). */
    public static String labelValue(String wanted) {
        return fit(wanted, 63);
    }

    /**
     * A user-managed service account's email, which Google derives from its id and project
     * (Google Cloud IAM docs, "Service accounts": {@code SA_NAME@PROJECT_ID.iam.gserviceaccount.com}).
     */
    public static String serviceAccountEmail(String accountId, String project) {
        return accountId + "@" + project + ".iam.gserviceaccount.com";
    }

    private static String clean(String wanted) {
        String s = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        return s.isEmpty() || Character.isLetter(s.charAt(0)) ? s : "a-" + s;
    }

    private static String hash(String wanted) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wanted.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
