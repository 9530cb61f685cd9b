package dev.argogke.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan fixtures the diff, cost and policy tests read are what {@code bin/argo-gke plan --out}
 * writes for their stack and workflows today (src/test/resources/plan/README.md says which). A
 * fixture that drifted from the program would test a plan nobody can make any more.
 */
class PlanFixturesTest {
    static final Path FIXTURES = Path.of("src/test/resources/plan");

    /** A fixture and what it is the plan of: a stack file, and a workflows folder instead of the stack's. */
    record Fixture(String file, Path stackFile, Path workflows) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() {
        return Stream.of(
                new Fixture("dev-base.json", Path.of("stacks/Pulumi.dev.yaml"), null),
                new Fixture("prod.json", Path.of("stacks/Pulumi.prod.yaml"), null),
                new Fixture("dev-head.json", FIXTURES.resolve("dev-head/Pulumi.dev.yaml"), FIXTURES.resolve("dev-head/workflows")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theFixtureIsWhatThePlanCommandWritesForIt(Fixture fixture) {
        Path file = FIXTURES.resolve(fixture.file());
        PlanFile now = CommittedPlans.of(fixture.stackFile(), fixture.workflows());
        PlanFile recorded = PlanFile.read(file);
        List<String> differ = Stream.concat(now.resources().stream(), recorded.resources().stream())
                .map(PlanFile.Resource::urn).distinct()
                .filter(urn -> !Objects.equals(now.resource(urn), recorded.resource(urn))).toList();
        Snapshots.check(file, now.toJson(), fixture.file() + " is no longer what the program plans for "
                + fixture.stackFile() + (fixture.workflows() == null ? "" : " with " + fixture.workflows())
                + "; resources that differ: " + differ + (now.outputs().equals(recorded.outputs()) ? "" : ", and the outputs")
                + ".\nRegenerate the fixtures (src/test/resources/plan/README.md), then check that the tests reading them"
                + " still test what they say:\n  " + Snapshots.command("PlanFixturesTest"));
    }
}
