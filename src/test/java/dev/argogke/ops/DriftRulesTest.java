package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DriftRulesTest {
    @Test
    void retaggedImagesAreComparedWithoutTagOrDigest() {
        DriftRules rules = new DriftRules(false, true, false);

        assertEquals("localhost:5000/acme/etl", rules.comparableImage("localhost:5000/acme/etl:1.2"));
        assertEquals("ghcr.io/acme/etl", rules.comparableImage("ghcr.io/acme/etl@sha256:abc"));
    }

    @Test
    void movedImagesAreComparedByTheirOwnNameOnly() {
        DriftRules rules = new DriftRules(false, false, true);

        assertEquals(rules.comparableImage("ghcr.io/acme/etl:1.2"),
                rules.comparableImage("europe-west1-docker.pkg.dev/acme-dev/images/etl:1.2"));
    }

    @Test
    void withoutStackRulesImagesMustMatchExactly() {
        assertEquals("ghcr.io/acme/etl:1.2", DriftRules.none().comparableImage("ghcr.io/acme/etl:1.2"));
    }
}
