package dev.argogke.plan;

import static dev.argogke.plan.DiffReport.shapeWords;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link PlanDiff} as JSON, for tools. */
final class DiffJson {

    private DiffJson() {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String json(PlanDiff d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stack", d.stack());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (PlanDiff.Action a : PlanDiff.Action.values()) {
            summary.put(a.word, d.count(a));
        }
        root.put("summary", summary);
        List<Object> resources = new ArrayList<>();
        for (PlanDiff.ResourceChange c : d.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", c.action().word);
            m.put("urn", c.urn());
            m.put("type", c.type());
            m.put("name", c.name());
            m.put("replacedBy", c.replacedBy());
            m.put("changes", changes(c.changes()));
            resources.add(m);
        }
        root.put("resources", resources);
        root.put("outputs", changes(d.outputs()));
        List<Object> workflows = new ArrayList<>();
        for (PlanDiff.WorkflowChange w : d.workflows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", w.action().word);
            m.put("kind", w.kind());
            m.put("name", w.name());
            m.put("words", w.words());
            m.put("shapeChanges", shapeWords(w));
            m.put("mermaidBefore", w.shapeBefore() == null ? null : w.shapeBefore().toMermaid());
            m.put("mermaidAfter", w.shapeAfter() == null ? null : w.shapeAfter().toMermaid());
            workflows.add(m);
        }
        root.put("workflows", workflows);
        root.put("waiversAdded", d.waiversAdded());
        root.put("waiversRemoved", d.waiversRemoved());
        root.put("secretsNotCompared", d.secretsNotCompared());
        root.put("cost", cost(d));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> cost(PlanDiff d) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("base", d.baseCost().total());
        cost.put("head", d.headCost().total());
        cost.put("delta", d.headCost().total().subtract(d.baseCost().total()));
        cost.put("headComplete", d.headCost().complete());
        List<Object> rows = new ArrayList<>();
        for (CostReport.Row r : CostReport.rows(d.baseCost(), d.headCost())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", r.key());
            m.put("item", r.item());
            m.put("base", r.base());
            m.put("head", r.head());
            rows.add(m);
        }
        cost.put("lines", rows);
        return cost;
    }

    private static List<Object> changes(List<PropertyChange> changes) {
        List<Object> out = new ArrayList<>();
        for (PropertyChange p : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("kind", switch (p.kind()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case CHANGED -> "changed";
                case SECRET_NOT_COMPARED -> "secret (not compared)";
            });
            if (p.kind() == PropertyChange.Kind.CHANGED || p.kind() == PropertyChange.Kind.REMOVED) {
                m.put("before", p.before());
            }
            if (p.kind() == PropertyChange.Kind.CHANGED || p.kind() == PropertyChange.Kind.ADDED) {
                m.put("after", p.after());
            }
            m.put("replaces", p.replaces());
            out.add(m);
        }
        return out;
    }
}
