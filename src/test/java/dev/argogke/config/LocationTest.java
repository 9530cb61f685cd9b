package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Zones and regions as Compute Engine names them (cloud.google.com/compute/docs/regions-zones, its table of zones). */
class LocationTest {
    @ParameterizedTest
    @CsvSource({"us-central1-a, us-central1", "europe-west1-b, europe-west1", "asia-northeast1-c, asia-northeast1",
            "northamerica-northeast2-a, northamerica-northeast2", "me-central2-b, me-central2"})
    void aZoneIsZonalAndInTheRegionItIsNamedAfter(String zone, String region) {
        Location location = new Location(zone);
        assertTrue(Location.valid(zone));
        assertTrue(location.zonal());
        assertEquals(region, location.region());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-central1", "europe-west1", "southamerica-east1", "australia-southeast2"})
    void aRegionIsRegionalAndItsOwnRegion(String region) {
        Location location = new Location(region);
        assertTrue(Location.valid(region));
        assertTrue(Location.isRegion(region));
        assertFalse(location.zonal());
        assertEquals(region, location.region());
    }

    @ParameterizedTest
    @ValueSource(strings = {"europe", "europe-west", "europe-west1-", "europe-west1-bb", "Europe-west1-b", "europe-west1-b-c", "us-central1-1"})
    void anythingElseIsNeither(String text) {
        assertFalse(Location.valid(text), text);
    }
}
