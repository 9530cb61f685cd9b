package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.argogke.UserError;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeArgumentTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void dateTimeWithZOrOffsetIsThatInstant() {
        assertEquals("2026-03-01T01:00Z", TimeArgument.parse("--from", "2026-03-01T01:00:00Z", OSLO).toOffsetDateTime()
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).toString());
        assertEquals("2026-03-01T00:00Z", TimeArgument.parse("--from", "2026-03-01T02:00+02:00", OSLO).toOffsetDateTime()
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).toString());
    }

    @Test
    void plainDateIsMidnightInTheCronsZone() {
        assertEquals("2026-03-29T00:00+01:00[Europe/Oslo]", TimeArgument.parse("--to", "2026-03-29", OSLO).toString());
        assertEquals("2026-03-30T00:00+02:00[Europe/Oslo]", TimeArgument.parse("--to", "2026-03-30", OSLO).toString());
    }

    @Test
    void dayThatStartsInADstGapStartsAtTheFirstInstantThatExists() {
        // Sao Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04.
        assertEquals("2018-11-04T01:00-02:00[America/Sao_Paulo]",
                TimeArgument.parse("--from", "2018-11-04", ZoneId.of("America/Sao_Paulo")).toString());
    }

    @Test
    void somethingElseSaysWhichFormsWork() {
        UserError e = assertThrows(UserError.class, () -> TimeArgument.parse("--from", "yesterday", OSLO));

        assertEquals("--from yesterday: expected an ISO-8601 date-time with Z or an offset (2026-03-01T00:00:00Z,"
                + " 2026-03-01T02:00+01:00) or a date (2026-03-01)", e.getMessage());
    }
}
