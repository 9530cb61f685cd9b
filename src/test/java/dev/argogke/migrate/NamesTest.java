package dev.argogke.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
    private static final String LONG = "export-customer-orders-from-postgres-to-bigquery-and-firebase";

    @Test
    void namesWithinTheLimitAreKept() {
        String fiftyTwo = "a".repeat(52);
        assertEquals(fiftyTwo, Names.shorten(fiftyTwo, Names.CRON_WORKFLOW_MAX));
        assertEquals("nightly-etl", Names.shorten("nightly-etl", Names.CRON_WORKFLOW_MAX));
    }

    @Test
    void longNamesAreShortenedToTheLimitAlwaysTheSameWay() {
        String short1 = Names.shorten(LONG, Names.CRON_WORKFLOW_MAX);
        assertTrue(short1.length() <= 52, short1);
        assertTrue(short1.startsWith("export-customer-orders-from-postgres-to-big"), short1);
        assertTrue(short1.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), "a valid Kubernetes name: " + short1);
        assertEquals(short1, Names.shorten(LONG, Names.CRON_WORKFLOW_MAX));
    }

    @Test
    void longNamesSharingAPrefixStayDistinct() {
        assertNotEquals(Names.shorten(LONG + "-eu", 52), Names.shorten(LONG + "-us", 52));
    }

    @Test
    void aPrefixEndingInADashOrDotDoesNotLeaveTwoDashes() {
        String name = "a".repeat(42) + "-.b" + "c".repeat(20);
        String s = Names.shorten(name, 52);
        assertTrue(!s.contains("--") && !s.contains(".-"), s);
    }

    @Test
    void stepNamesFollowArgosTemplateNameRule() {
        assertEquals("etl-v2-nightly", Names.step("etl.v2.nightly"));
        assertEquals("job-2-daily-report", Names.step("2-daily-report"));
        assertTrue(Names.step("x".repeat(100)).length() <= Names.STEP_MAX);
    }
}
