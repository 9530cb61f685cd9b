package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Google's naming rules, written down from Google's docs (not from the code), applied to names
 * made from any stack name Pulumi accepts.
 */
class GoogleIdsTest {
    /** Pulumi's stack names: pulumi/pulumi sdk/go/common/tokens/names.go, stackNameRE, at most 100. */
    static final Pattern PULUMI_STACK = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    /** Compute Engine resource names (RFC 1035): Compute Engine docs, "Naming resources". */
    static final Pattern COMPUTE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    /** IAM service account ids: 6-30, IAM docs "Create service accounts" (accountId). */
    static final Pattern SERVICE_ACCOUNT_ID = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");
    /** Cloud Storage bucket names without dots: 3-63 lowercase letters, digits, dashes, underscores. */
    static final Pattern BUCKET = Pattern.compile("[a-z0-9][-_a-z0-9]{1,61}[a-z0-9]");
    /** Label values: at most 63 lowercase letters, digits, dashes, underscores (Resource Manager docs, "Labels"). */
    static final Pattern LABEL_VALUE = Pattern.compile("[-_a-z0-9]{0,63}");

    @Provide
    Arbitrary<String> stackNames() {
        return Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(1).ofMaxLength(100)
                .filter(s -> PULUMI_STACK.matcher(s).matches());
    }

    @Property(tries = 2000)
    void everyPulumiStackNameGivesValidGoogleNames(@ForAll("stackNames") String stack) {
        assertTrue(COMPUTE_NAME.matcher(GoogleIds.fit("argo-ui-" + stack + "-tls", 63)).matches(), stack);
        assertTrue(GoogleIds.fit("argo-" + stack, 40).length() <= 40, stack);
        assertTrue(COMPUTE_NAME.matcher(GoogleIds.fit("argo-" + stack, 40)).matches(), stack);
        assertTrue(SERVICE_ACCOUNT_ID.matcher(GoogleIds.serviceAccountId("argo-server-" + stack)).matches(), stack);
        String bucket = GoogleIds.bucketName("acme-argo-prod-argo-" + stack);
        assertTrue(BUCKET.matcher(bucket).matches(), bucket);
        assertTrue(LABEL_VALUE.matcher(GoogleIds.labelValue(stack)).matches(), stack);
    }

    @Property(tries = 2000)
    void twoStacksNeverShareAName(@ForAll("stackNames") String a, @ForAll("stackNames") String b) {
        if (!a.equals(b)) {
            assertNotEquals(GoogleIds.serviceAccountId("argo-wf-" + a), GoogleIds.serviceAccountId("argo-wf-" + b));
            assertNotEquals(GoogleIds.fit("argo-ui-" + a, 63), GoogleIds.fit("argo-ui-" + b, 63));
        }
    }

    @Test
    void namesThatAlreadyFitAreKeptAsTheyAre() {
        // dev and prod are deployed under these names: changing them would replace the resources.
        assertEquals("argo-ui-dev", GoogleIds.fit("argo-ui-dev", 63));
        assertEquals("argo-server-prod", GoogleIds.serviceAccountId("argo-server-prod"));
        assertEquals("acme-argo-prod-argo-prod", GoogleIds.bucketName("acme-argo-prod-argo-prod"));
        assertEquals("argo-gke-nodes", GoogleIds.serviceAccountId("argo-gke-nodes"));
    }

    @Test
    void caseAndPunctuationDoNotMakeTwoStacksOne() {
        assertNotEquals(GoogleIds.fit("argo-ui-Dev", 63), GoogleIds.fit("argo-ui-dev", 63));
        assertNotEquals(GoogleIds.fit("argo-ui-team.a", 63), GoogleIds.fit("argo-ui-team-a", 63));
        assertTrue(GoogleIds.fit("argo-ui-Team_A.prod", 63).startsWith("argo-ui-team-a-prod-"));
    }

    @Test
    void aCutOffTailStillTellsLongNamesApart() {
        String common = "x".repeat(40);
        assertNotEquals(GoogleIds.serviceAccountId("argo-wf-" + common + "1"), GoogleIds.serviceAccountId("argo-wf-" + common + "2"));
    }

    @Test
    void bucketNamesNeverContainGoogle() {
        // Cloud Storage docs, "Bucket names": "cannot contain google or close misspellings, such as g00gle".
        for (String stack : new String[] {"google", "GOOGLE-test", "g00gle", "my-googl3"}) {
            String bucket = GoogleIds.bucketName("acme-argo-" + stack);
            assertFalse(bucket.contains("google") || bucket.contains("g00gle"), bucket);
        }
        assertNotEquals(GoogleIds.bucketName("acme-argo-google"), GoogleIds.bucketName("acme-argo-gcp"));
    }
}
