package dev.argogke.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class TreeTest {
    /** A Workflow as a user writes it, parsed as the manifests are (SnakeYAML engine). */
    private static final Object WORKFLOW = new Load(LoadSettings.builder().build()).loadFromString("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: hello
              annotations: {kubernetes.io/description: greets}
            spec:
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - name: say
                        template: print
                - name: print
                  suspend: {}
                  container:
                    image: alpine:3.20
                    command: [echo, hello]
              podGC: {deleteDelayDuration: 30, strategy: OnPodSuccess}
              shutdown: true
            """);

    @Test
    void pathsAreWrittenAsKubernetesWritesAFieldPath() {
        // k8s.io/apimachinery v0.36.5 pkg/util/validation/field/path_test.go, TestPath:
        // root.Child("first").Child("second").Index(0).Child("third").Index(93)
        String path = Tree.index(Tree.join(Tree.index(Tree.join(Tree.join("root", "first"), "second"), 0), "third"), 93);
        assertEquals("root.first.second[0].third[93]", path);
        assertEquals("spec", Tree.join("", "spec"));
    }

    @Test
    void aPathReadsTheNodeItNames() {
        // The path form of the linter's findings, e.g. lint/invalid/step-template-undefined.yaml's
        // spec.templates[0].steps[0][0].template
        assertEquals("print", Tree.at(WORKFLOW, "spec.templates[0].steps[0][0].template"));
        assertEquals("echo", Tree.at(WORKFLOW, "spec.templates[1].container.command[0]"));
        assertEquals(30, Tree.at(WORKFLOW, "spec.podGC.deleteDelayDuration"));
        assertSame(WORKFLOW, Tree.at(WORKFLOW, ""));
        assertEquals("greets", Tree.map(WORKFLOW, "metadata.annotations").get("kubernetes.io/description"));
    }

    @Test
    void aStepThatIsMissingOrOfAnotherTypeReadsAsAbsent() {
        assertNull(Tree.at(WORKFLOW, "spec.onExit"));
        assertNull(Tree.at(WORKFLOW, "spec.templates[2].name"), "past the end of the list");
        assertNull(Tree.at(WORKFLOW, "spec.templates.name"), "a key of a list");
        assertNull(Tree.at(WORKFLOW, "spec.entrypoint[0]"), "an item of text");
        assertNull(Tree.at(WORKFLOW, "kind.name"), "a key of text");
        assertEquals(Map.of(), Tree.map(WORKFLOW, "spec.templates"));
        assertEquals(List.of(), Tree.list(WORKFLOW, "spec.entrypoint"));
        assertNull(Tree.string(WORKFLOW, "spec.podGC.deleteDelayDuration"), "a number is not text");
        assertEquals("", Tree.text(WORKFLOW, "spec.onExit"));
        assertEquals("OnPodSuccess", Tree.string(WORKFLOW, "spec.podGC.strategy"));
        assertTrue(Tree.isTrue(WORKFLOW, "spec.shutdown"));
        assertFalse(Tree.isTrue(Map.of("shutdown", "true"), "shutdown"), "the text \"true\" is not the boolean");
    }

    @Test
    void everyNodeIsReadBackByThePathThatNamesIt() {
        List<String> paths = new ArrayList<>();
        walk(WORKFLOW, "", paths);
        assertEquals(28, paths.size(), paths.toString()); // counted by hand: the root and 27 nodes below it
    }

    /** Visits every node below {@code node}, checking that its path leads back to it. */
    private static void walk(Object node, String path, List<String> paths) {
        assertSame(node, Tree.at(WORKFLOW, path), path);
        paths.add(path);
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (!String.valueOf(k).contains(".")) {
                    walk(v, Tree.join(path, String.valueOf(k)), paths);
                }
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), Tree.index(path, i), paths);
            }
        }
    }

    @Test
    void aCopyCanBeChangedWithoutTouchingTheOriginal() {
        Map<String, Object> spec = Tree.map(WORKFLOW, "spec");
        Map<String, Object> copy = Tree.copy(spec);
        assertEquals(spec, copy);
        assertNotSame(spec.get("templates"), copy.get("templates"));
        Tree.map(copy, "podGC").put("strategy", "OnWorkflowCompletion");
        assertEquals("OnPodSuccess", Tree.string(WORKFLOW, "spec.podGC.strategy"));
    }
}
