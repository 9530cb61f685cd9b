package dev.argogke.workflows.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimeZonesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Go's time.LoadLocation: "" and "UTC" are time.UTC, named "UTC"; "Local" the process's zone,
        // also named "UTC" when Go finds no zone (time/zoneinfo_unix.go initLocal; Argo's image has none)
        "''              | UTC",
        "UTC             | UTC",
        "Local           | UTC",
        "Europe/Oslo     | Europe/Oslo",
        "US/Eastern      | US/Eastern",
        // tzdata 2025c "backward": Link America/Panama EST, America/Phoenix MST, Pacific/Honolulu HST,
        // Etc/GMT GMT+0 and GMT-0, Asia/Taipei ROC; "Factory" is a zone of its own at offset 0 ("-00")
        "EST             | America/Panama",
        "MST             | America/Phoenix",
        "HST             | Pacific/Honolulu",
        "GMT+0           | Etc/GMT",
        "GMT-0           | Etc/GMT",
        "ROC             | Asia/Taipei",
        "Factory         | Z",
    })
    void loadsWhatGoLoads(String name, String zone) {
        assertEquals(Optional.of(zone.equals("Z") ? ZoneOffset.UTC : ZoneId.of(zone)), GoTimeZones.load(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SystemV/EST5", // java.time still has it; IANA dropped SystemV in tzdata 2020b and Go has none
        "+02:00", "GMT+2", "UTC+1", "Z", // offsets java.time parses, not zone names
        "utc", "europe/oslo", // Go's names are case-sensitive
        "Europe/Oslo ", " Europe/Oslo", "Europe/Olso", "../etc/passwd", "/etc/localtime",
    })
    void findsNothingWhereGoFails(String name) {
        assertEquals(Optional.empty(), GoTimeZones.load(name));
    }
}
