package dev.argogke.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Machine types as Compute Engine names them (cloud.google.com/compute/docs/general-purpose-machines and its sibling pages). */
class MachineTypesTest {
    @ParameterizedTest
    @ValueSource(strings = {"e2-micro", "e2-small", "e2-medium", "e2-standard-4", "e2-highmem-16", "e2-highcpu-32", "e2-custom-4-16384",
            "n1-standard-1", "f1-micro", "g1-small", "n2-standard-8", "n2d-highmem-16", "n2-custom-6-24576", "c3-standard-22", "t2d-standard-4", "n4-standard-4",
            // A series Google adds after this release (or one one letter from a known one): GKE judges it.
            "x9-standard-4", "n5-standard-4"})
    void realMachineTypesPass(String type) {
        assertEquals(Optional.empty(), MachineTypes.problem(type));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the case: only `cost` noticed it before
            "e2-smal        | did you mean e2-small?",
            "e2-standard-3  | is not an E2 machine type",
            "e2-standard-64 | is not an E2 machine type",
            "n2-standrd-4   | did you mean standard?",
            "n2-standard    | needs its size",
            "E2-small       | is not a machine type"})
    void aTypoIsNamedWithTheClosestRealType(String type, String words) {
        String problem = MachineTypes.problem(type).orElseThrow();
        assertTrue(problem.contains(words), problem);
        assertTrue(problem.startsWith("'" + type + "'"), problem);
    }
}
