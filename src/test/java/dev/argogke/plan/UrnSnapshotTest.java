package dev.argogke.plan;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every committed stack's urns, against a reviewed list in the test resources. A urn is a live
 * resource's identity: when it changes, {@code pulumi up} deletes the resource and creates a new
 * one, so a rename must show up in review (and usually get an alias).
 */
class UrnSnapshotTest {
    static String header(String stack) {
        return """
                # Every urn stack %1$s registers, as the Pulumi engine names them: one line per resource.
                # Recorded from the program by the offline plan, so it is reviewed, not trusted: a line
                # that changes is a live resource that `pulumi up` deletes and creates anew.
                # Checked by UrnSnapshotTest; rewrite on purpose with:
                #   %2$s
                """.formatted(stack, Snapshots.command("UrnSnapshotTest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceKeepsItsUrn(String stack) {
        Path file = Path.of("src/test/resources/plan/urns-" + stack + ".txt");
        List<String> urns = CommittedPlans.of(stack).resources().stream().map(PlanFile.Resource::urn).toList();
        List<String> before = Snapshots.read(file).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> gone = before.stream().filter(u -> !urns.contains(u)).toList();
        List<String> added = urns.stream().filter(u -> !before.contains(u)).toList();
        String message = "The urns of stack " + stack + " changed (" + file + ").\n"
                + "  gone: " + String.join("\n        ", gone) + "\n"
                + "  new:  " + String.join("\n        ", added) + "\n"
                + "A urn that is gone is a live resource that `pulumi up` deletes, and the new urn one it creates.\n"
                + "If you renamed a resource or gave it another parent, keep the live one with an alias in its options,\n"
                + "e.g. CustomResourceOptions.builder().aliases(Alias.builder().name(\"old-name\").build()) (or .parent(old) /\n"
                + ".noParent() for a move), and its urn stays in the state. Once the change is meant, rewrite the list:\n"
                + "  " + Snapshots.command("UrnSnapshotTest") + "\nand review its diff.";
        Snapshots.check(file, header(stack) + String.join("\n", urns) + "\n", message);
    }
}
