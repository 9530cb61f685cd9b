package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowShapeTest {
    private static Map<String, Object> task(String name, Object... more) {
        java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
        t.put("name", name);
        for (int i = 0; i < more.length; i += 2) {
            t.put((String) more[i], more[i + 1]);
        }
        return t;
    }

    private static Map<String, Object> dagSpec(List<Map<String, Object>> tasks) {
        return Map.of("entrypoint", "main", "templates", List.of(
                Map.of("name", "main", "dag", Map.of("tasks", tasks)),
                Map.of("name", "work", "container", Map.of("image", "busybox"))));
    }

    @Test
    void dagDependenciesAndDependsBecomeArrows() {
        WorkflowShape s = WorkflowShape.of(dagSpec(List.of(
                task("a", "template", "work"),
                task("b", "template", "work", "dependencies", List.of("a")),
                task("c", "template", "work", "depends", "a && (b.Succeeded || b.Failed)"))));
        assertEquals("""
                flowchart TD
                  subgraph g_main["main (dag)"]
                    n_main__a["a<br/>work"]
                    n_main__b["b<br/>work"]
                    n_main__c["c<br/>work"]
                  end
                  n_main__a --> n_main__b
                  n_main__a --> n_main__c
                  n_main__b --> n_main__c
                  n_main__b -->|Failed| n_main__c
                """, s.toMermaid());
    }

    @Test
    void stepsRunGroupAfterGroup() {
        WorkflowShape s = WorkflowShape.of(Map.of("entrypoint", "main", "templates", List.of(
                Map.of("name", "main", "steps", List.of(
                        List.of(task("fetch", "template", "work")),
                        List.of(task("left", "template", "work"), task("right", "template", "work")),
                        List.of(task("merge", "template", "work")))),
                Map.of("name", "work", "container", Map.of("image", "busybox")))));
        String m = s.toMermaid();
        for (String edge : List.of("n_main__fetch --> n_main__left", "n_main__fetch --> n_main__right",
                "n_main__left --> n_main__merge", "n_main__right --> n_main__merge")) {
            assertTrue(m.contains("  " + edge + "\n"), m);
        }
        assertEquals(4, m.lines().filter(l -> l.contains("-->")).count(), m);
    }

    @Test
    void templateRefTargetsAndCallsToOtherTemplatesAreShown() {
        WorkflowShape s = WorkflowShape.of(Map.of("entrypoint", "main", "templates", List.of(
                Map.of("name", "main", "dag", Map.of("tasks", List.of(
                        task("extract", "templateRef", Map.of("name", "etl-common", "template", "extract")),
                        task("audit", "templateRef", Map.of("name", "audit", "template", "run", "clusterScope", true)),
                        task("load", "template", "loader", "dependencies", List.of("extract"))))),
                Map.of("name", "loader", "steps", List.of(List.of(task("write", "template", "w")))),
                Map.of("name", "w", "container", Map.of("image", "busybox")))));
        String m = s.toMermaid();
        assertTrue(m.contains("n_main__extract[\"extract<br/>ref: etl-common/extract\"]"), m);
        assertTrue(m.contains("n_main__audit[\"audit<br/>ref: audit/run (cluster)\"]"), m);
        assertTrue(m.contains("subgraph g_loader[\"loader (steps)\"]"), m);
        assertTrue(m.contains("n_main__load -.-> g_loader"), m);
    }

    @Test
    void aSingleContainerWorkflowIsOneBox() {
        WorkflowShape s = WorkflowShape.of(Map.of("entrypoint", "sync", "templates",
                List.of(Map.of("name", "sync", "container", Map.of("image", "busybox")))));
        assertEquals("flowchart TD\n  n_sync[\"sync<br/>container\"]\n", s.toMermaid());
    }

    @Test
    void theSameTaskKeepsItsIdWhenOthersAreAddedSoDiagramsCompare() {
        WorkflowShape before = WorkflowShape.of(dagSpec(List.of(task("a"), task("b", "dependencies", List.of("a")))));
        WorkflowShape after = WorkflowShape.of(dagSpec(List.of(task("new"), task("a"), task("b", "dependencies", List.of("a", "new")))));
        assertTrue(after.toMermaid().contains("n_main__a[\"a\"]") && before.toMermaid().contains("n_main__a[\"a\"]"));
        WorkflowShape.Delta delta = before.delta(after);
        assertEquals(List.of("new"), delta.stepsAdded());
        assertEquals(List.of("new → b"), delta.arrowsAdded());
        assertTrue(delta.stepsRemoved().isEmpty() && delta.arrowsRemoved().isEmpty());
        assertTrue(before.delta(WorkflowShape.of(dagSpec(List.of(task("a"), task("b", "dependencies", List.of("a")))))).isEmpty());
    }

    @Test
    void namesThatClashAfterSanitisingGetDistinctIds() {
        WorkflowShape s = WorkflowShape.of(dagSpec(List.of(task("load-a"), task("load_a"))));
        String m = s.toMermaid();
        assertTrue(m.contains("n_main__load_a[\"load-a\"]"), m);
        assertTrue(m.contains("n_main__load_a_2[\"load_a\"]"), m);
    }

    @Test
    void quotesInLabelsCannotBreakTheDiagram() {
        String m = WorkflowShape.of(dagSpec(List.of(task("say \"hi\"")))).toMermaid();
        assertTrue(m.contains("[\"say #quot;hi#quot;\"]"), m);
    }
}
