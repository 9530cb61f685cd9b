package dev.argogke.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expectations are Go's answers: a program calling time.LoadLocation (with time/tzdata embedded,
 * as Argo's controller and Kubernetes' apiserver build it) run with Go 1.26.8 under GOTOOLCHAIN=local,
 * with /usr/share/zoneinfo hidden so only the embedded database answers, and the same program calling
 * a copy of Kubernetes v1.36.5 validateTimeZone (pkg/apis/batch/validation/validation.go). Its output,
 * in part:
 * <pre>
 * ""                LoadLocation: ok name="UTC" jan=+00:00 UTC jul=+00:00 UTC   | k8s CronJob: invalid: timeZone must be nil or non-empty string
 * "Local"           LoadLocation: ok name="UTC" jan=+00:00 UTC jul=+00:00 UTC   | k8s CronJob: invalid: timeZone must be an explicit time zone
 * "LOCAL"           LoadLocation: error: unknown time zone LOCAL                | k8s CronJob: invalid: timeZone must be an explicit time zone
 * "EST"             LoadLocation: ok name="EST" jan=-05:00 EST jul=-05:00 EST   | k8s CronJob: ok
 * "GMT+0"           LoadLocation: ok name="GMT+0" jan=+00:00 GMT jul=+00:00 GMT | k8s CronJob: ok
 * "SystemV/EST5"    LoadLocation: error: unknown time zone SystemV/EST5         | k8s CronJob: invalid: unknown time zone SystemV/EST5
 * "+02:00"          LoadLocation: error: unknown time zone +02:00               | k8s CronJob: invalid: unknown time zone +02:00
 * "Europe/Olso"     LoadLocation: error: unknown time zone Europe/Olso          | k8s CronJob: invalid: unknown time zone Europe/Olso
 * </pre>
 */
class TimeZonesTest {

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
    void aCronWorkflowRunsInTheZoneGoLoads(String name, String zone) {
        assertEquals(Optional.of(zone.equals("Z") ? ZoneOffset.UTC : ZoneId.of(zone)), TimeZones.cronWorkflowZone(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SystemV/EST5", // java.time still has it; IANA dropped SystemV in tzdata 2020b and Go has none
        "+02:00", "GMT+2", "UTC+1", "Z", // offsets java.time parses, not zone names
        "utc", "europe/oslo", "LOCAL", "local", // Go's names are case-sensitive
        "Europe/Oslo ", " Europe/Oslo", "Europe/Olso", "../etc/passwd", "/etc/localtime",
    })
    void aCronWorkflowZoneGoCannotLoadIsNone(String name) {
        assertEquals(Optional.empty(), TimeZones.cronWorkflowZone(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // validateTimeZone's own valid cases (timeZoneCorrect, timeZoneUTC), and legacy names Go loads
        "Europe/Rome     | Europe/Rome",
        "UTC             | UTC",
        "EST             | America/Panama",
        "GMT+0           | Etc/GMT",
        "US/Eastern      | US/Eastern",
    })
    void aCronJobTakesAnExplicitZoneGoLoads(String name, String zone) {
        assertEquals(Optional.of(ZoneId.of(zone)), TimeZones.cronJobZone(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // validateTimeZone's own invalid cases: timeZoneEmpty, timeZoneLocal ("LOCAL"), timeZoneBadPrefix,
        // timeZoneBadSuffix, timeZoneBadName, timeZoneEmptySpace
        "", "LOCAL", " Europe/Rome", "Europe/Rome ", "Europe/InvalidRome", " ",
        // "Local" is refused in any case, though Go loads it: a CronJob must name its zone
        "Local", "local",
        "SystemV/EST5", "+02:00",
    })
    void aCronJobZoneKubernetesRefusesIsNone(String name) {
        assertEquals(Optional.empty(), TimeZones.cronJobZone(name));
    }
}
