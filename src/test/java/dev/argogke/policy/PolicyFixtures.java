package dev.argogke.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.argogke.config.Settings;
import dev.argogke.config.SettingsLoader;
import dev.argogke.config.StackFile;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real plans of the committed stacks (the program under the mock engine), and ways to break one
 * resource input at a time, so each rule's test shows the plan failing that rule and no other.
 */
final class PolicyFixtures {
    static final Path ROOT = Path.of(".");
    private static final Map<String, PolicyInput> REAL = new ConcurrentHashMap<>();

    private PolicyFixtures() {
    }

    /** The committed stack's settings, plan and stack file. */
    static PolicyInput real(String stack) {
        return REAL.computeIfAbsent(stack, s -> {
            StackFile file = StackFile.forStack(ROOT.resolve("stacks"), s);
            return inputOf(file);
        });
    }

    /** Settings, plan and stack file of any stack file. */
    static PolicyInput inputOf(StackFile file) {
        Settings settings = SettingsLoader.load(file.stack(), file);
        PlanFile plan = OfflinePlan.run(ROOT, settings, file.values(), file.secretKeys(), Optional.empty());
        return new PolicyInput(settings, plan, Optional.of(file));
    }

    static PolicyInput withPlan(PolicyInput input, PlanFile plan) {
        return new PolicyInput(input.settings(), plan, input.stackFile());
    }

    /** The one resource of a type and logical name. */
    static PlanFile.Resource resource(PlanFile plan, String type, String name) {
        List<PlanFile.Resource> found = plan.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).toList();
        assertEquals(1, found.size(), "one " + type + " " + name + " in the plan");
        return found.get(0);
    }

    /** The plan with one input of one resource set (null removes it); intermediate maps are created. */
    static PlanFile set(PlanFile plan, String type, String name, String dottedPath, Object value) {
        return setAt(plan, type, name, dottedPath.split("\\."), value);
    }

    /** Like {@link #set}, with the keys given one by one (for keys that contain dots, such as annotations). */
    static PlanFile setAt(PlanFile plan, String type, String name, String[] keys, Object value) {
        PlanFile.Resource target = resource(plan, type, name);
        Map<String, Object> inputs = mutable(target.inputs());
        Map<String, Object> at = inputs;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = at.get(keys[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                at.put(keys[i], next);
            }
            at = cast(next);
        }
        if (value == null) {
            at.remove(keys[keys.length - 1]);
        } else {
            at.put(keys[keys.length - 1], value);
        }
        return replace(plan, target, target.withInputs(inputs));
    }

    /** The plan with one more resource, a child of the stack. */
    static PlanFile add(PlanFile plan, String type, String name, Map<String, ?> inputs) {
        String stackUrn = plan.resources().stream().filter(r -> r.type().equals("pulumi:pulumi:Stack")).findFirst().orElseThrow().urn();
        String urn = "urn:pulumi:" + plan.stack() + "::" + plan.project() + "::" + type + "::" + name;
        List<PlanFile.Resource> resources = new ArrayList<>(plan.resources());
        resources.add(new PlanFile.Resource(urn, type, name, stackUrn, null, true, PlanFileValues.copy(inputs)));
        return new PlanFile(plan.formatVersion(), plan.project(), plan.stack(), resources, plan.outputs(), plan.workflows(), plan.waivers());
    }

    static PlanFile remove(PlanFile plan, String type, String name) {
        PlanFile.Resource target = resource(plan, type, name);
        List<PlanFile.Resource> resources = new ArrayList<>(plan.resources());
        resources.remove(target);
        return new PlanFile(plan.formatVersion(), plan.project(), plan.stack(), resources, plan.outputs(), plan.workflows(), plan.waivers());
    }

    static PlanFile output(PlanFile plan, String key, Object value) {
        Map<String, Object> outputs = new LinkedHashMap<>(plan.outputs());
        outputs.put(key, value);
        return new PlanFile(plan.formatVersion(), plan.project(), plan.stack(), plan.resources(), outputs, plan.workflows(), plan.waivers());
    }

    /**
     * Evaluates every rule and asserts that only {@code rule} fails; returns its violations.
     * This is what "breaks exactly this rule" means in each rule's test.
     */
    static List<Violation> violationsOfOnly(String rule, PolicyInput input) {
        PolicyReport report = Policies.evaluate(input);
        List<Violation> violations = report.violations();
        assertFalse(violations.isEmpty(), "expected " + rule + " to fail:\n" + report.render());
        for (Violation v : violations) {
            assertEquals(rule, v.rule(), "only " + rule + " may fail:\n" + report.render());
        }
        return violations;
    }

    static void assertAllPass(PolicyInput input) {
        PolicyReport report = Policies.evaluate(input);
        assertEquals(List.of(), report.violations(), report.render());
    }

    private static PlanFile replace(PlanFile plan, PlanFile.Resource old, PlanFile.Resource updated) {
        List<PlanFile.Resource> resources = new ArrayList<>(plan.resources());
        resources.set(resources.indexOf(old), updated);
        return new PlanFile(plan.formatVersion(), plan.project(), plan.stack(), resources, plan.outputs(), plan.workflows(), plan.waivers());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    static Map<String, Object> mutable(Map<String, Object> map) {
        return cast(PlanFileValues.copy(map));
    }

    /** Deep, mutable copies of plan values. */
    static final class PlanFileValues {
        static Map<String, Object> copy(Map<String, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, copyValue(v)));
            return out;
        }

        @SuppressWarnings("unchecked")
        static Object copyValue(Object v) {
            if (v instanceof Map<?, ?> m) {
                return copy((Map<String, ?>) m);
            }
            if (v instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(x -> out.add(copyValue(x)));
                return out;
            }
            return v;
        }
    }
}
