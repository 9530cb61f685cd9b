package dev.argogke.plan;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.argogke.UserError;
import dev.argogke.plan.PlanFile.Options;
import dev.argogke.plan.PlanFile.Resource;
import dev.argogke.plan.PlanFile.Waiver;
import dev.argogke.plan.PlanFile.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link PlanFile} as the JSON text of the plan contract, byte-identically for equal plans. */
final class PlanFileWriter {

    private PlanFileWriter() {
    }


    /** 2-space indent, one array item per line, {@code "key": value}, LF line ends on every OS. */
    private static final ObjectWriter WRITER = PlanFileReader.MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    /** The plan as JSON text, ending with a newline. Identical plans give identical text. */
    static String toJson(PlanFile plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(plan, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the plan as UTF-8 JSON (see {@link #toJson}); does not close {@code out}. */
    static void write(PlanFile plan, OutputStream out) {
        try {
            WRITER.writeValue(out, toTree(plan));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the plan to {@code file} through a temporary file, so a reader never sees half a plan. */
    static void write(PlanFile plan, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // Not createTempFile: its owner-only permissions would stick to the plan.
            Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(plan, out);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the plan: " + e.getMessage(), e);
        }
    }

    /** The field order of the contract (urn first), not alphabetical: it reads top-down. */
    private static Map<String, Object> toTree(PlanFile plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", plan.formatVersion());
        root.put("project", plan.project());
        root.put("stack", plan.stack());
        List<Object> rs = new ArrayList<>();
        for (Resource r : plan.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("urn", r.urn());
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent());
            m.put("provider", r.provider());
            m.put("custom", r.custom());
            m.put("dependsOn", r.dependsOn());
            m.put("dependencies", r.dependencies());
            m.put("propertyDependencies", r.propertyDependencies());
            m.put("options", options(r.options()));
            m.put("inputs", r.inputs());
            rs.add(m);
        }
        root.put("resources", rs);
        root.put("outputs", plan.outputs());
        List<Object> wf = new ArrayList<>();
        for (Workflow w : plan.workflows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", w.file());
            m.put("kind", w.kind());
            m.put("name", w.name());
            wf.add(m);
        }
        root.put("workflows", wf);
        List<Object> wv = new ArrayList<>();
        for (Waiver w : plan.waivers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", w.rule());
            m.put("reason", w.reason());
            wv.add(m);
        }
        root.put("waivers", wv);
        return root;
    }

    private static Map<String, Object> options(Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protect", o.protect());
        m.put("deleteBeforeReplace", o.deleteBeforeReplace());
        m.put("ignoreChanges", o.ignoreChanges());
        m.put("aliases", o.aliases());
        m.put("additionalSecretOutputs", o.additionalSecretOutputs());
        return m;
    }
}
