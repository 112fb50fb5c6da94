package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The model a run builds from the build's record ({@link CommandModel}) is picocli's model from the annotations:
 * every command, every attribute of the command, its usage message and each option and positional parameter,
 * compared through their public getters. (CommandTreeTest compares what both print.)
 */
// covers feature-013/FR-001
class CommandModelTest {

    /** Getters that are the binding, the owner or the live value, not what the annotation says. */
    private static final Set<String> NOT_COMPARED = Set.of("getter", "setter", "scope", "userObject", "command",
            "group", "root", "getValue", "getValues", "typedValues", "originalStringValues", "stringValues",
            "parameterConsumer", "preprocessor", "typeInfo", "toString", "hashCode", "getClass", "messages",
            "commandLine", "parser", "parent", "subcommands", "resourceBundle", "versionProvider", "annotatedElement",
            "mixinAnnotatedElements", "specElements", "parentCommandElements", "argGroups", "negatableOptionTransformer",
            "defaultValueProvider", "modelTransformer", "interpolateVariables", "qualifiedName", "addMethodSubcommands",
            "usageMessage", "helpFactory", "toBuilder");

    private static FactoryCommand root() {
        Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Path.of("").toAbsolutePath(), Map.of(), false);
        return new FactoryCommand(session, new Interrupts(session.err()));
    }

    /** Every command class of the whole model but picocli's own help command. */
    private static List<Object> commands(CommandLine cli, List<Object> into) {
        Object command = cli.getCommand();
        if (command.getClass().getPackageName().equals(CommandModel.class.getPackageName())) {
            into.add(command);
        }
        cli.getSubcommands().values().forEach(sub -> commands(sub, into));
        return into;
    }

    @Test
    void the_record_builds_every_command_as_its_annotations_do() {
        CommandModel model = CommandModel.stored();
        assertNotNull(model, "the build's record " + CommandModel.RESOURCE + " is on the class path");
        List<Object> commands = commands(CommandTree.full(root()), new ArrayList<>());
        assertEquals(36, commands.size());
        for (Object annotated : commands) {
            Class<?> type = annotated.getClass();
            assertTrue(model.has(type), type + " is recorded");
            Object fresh = type == FactoryCommand.class ? root() : CommandModel.create(type);
            CommandSpec fromRecord = model.spec(fresh);
            CommandSpec fromAnnotations = CommandSpec.forAnnotatedObject(
                    type == FactoryCommand.class ? root() : CommandModel.create(type));
            assertSameLines(describe(fromAnnotations), describe(fromRecord), type.getName());
            List<String> names = new ArrayList<>(List.of(fromAnnotations.name()));
            names.addAll(List.of(fromAnnotations.aliases()));
            assertEquals(names, model.names(type), type.getName());
        }
    }

    @Test
    void the_record_sets_the_spec_and_parent_fields_and_binds_options_to_fields_and_methods() {
        CommandModel model = CommandModel.stored();
        FactoryCommand root = root();
        CommandSpec rootSpec = model.spec(root);
        assertSame(rootSpec, root.spec, "@Spec");
        SpecCommand spec = new SpecCommand();
        model.spec(spec);
        model.adopt(spec, root);
        assertSame(root, spec.root, "@ParentCommand");
        SpecListCommand list = new SpecListCommand();
        CommandLine cli = new CommandLine(rootSpec);
        CommandLine specLine = new CommandLine(model.spec(spec));
        cli.addSubcommand("spec", specLine);
        specLine.addSubcommand("list", new CommandLine(model.spec(list)));
        cli.parseArgs("-C", "/tmp", "--verbose", "spec", "list", "--tag", "x", "--json", "--kind", "decision");
        assertEquals(Path.of("/tmp"), root.directory);
        assertTrue(root.verbose);
        assertEquals("x", list.tag);
        assertTrue(list.json);
        assertEquals(dev.codefactory.domain.spec.SpecKind.DECISION, list.kind, "its converter");
        cli.parseArgs("--no-color", "spec", "list");
        assertTrue(root.noColor, "an option that is a method");
    }

    /** Equal texts, or a failure naming the first line that differs, with the lines before it. */
    private static void assertSameLines(String expected, String actual, String what) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String le = i < e.length ? e[i] : "(nothing)";
            String la = i < a.length ? a[i] : "(nothing)";
            if (!le.equals(la)) {
                String before = String.join("\n", Arrays.copyOfRange(e, Math.max(0, i - 40), i));
                assertEquals(le, la, what + ", after:\n" + before);
            }
        }
    }

    /** Every compared getter of the command, its usage message and its arguments, one per line. */
    private static String describe(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append("mixins ").append(spec.mixins().keySet()).append('\n');
        getters(spec, "command", out);
        getters(spec.usageMessage(), "usage", out);
        for (ArgSpec arg : spec.args()) {
            getters(arg, arg.getClass().getSimpleName() + " " + arg.paramLabel() + " " + Arrays.toString(
                    arg instanceof CommandLine.Model.OptionSpec o ? o.names() : new String[0]), out);
            out.append("  candidates ").append(list(arg.completionCandidates())).append('\n');
            out.append("  multi ").append(arg.typeInfo().isMultiValue()).append(" enum ")
                    .append(arg.typeInfo().isEnum()).append('\n');
        }
        return out.toString();
    }

    private static void getters(Object target, String title, StringBuilder out) {
        out.append(title).append('\n');
        Map<String, String> values = new TreeMap<>();
        Method[] methods = target.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())
                    || NOT_COMPARED.contains(m.getName())) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                value = "threw " + e.getClass().getSimpleName();
            }
            values.put(m.getName(), text(value));
        }
        values.forEach((k, v) -> out.append("  ").append(k).append(' ').append(v).append('\n'));
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Object[] array) {
            List<String> items = new ArrayList<>();
            for (Object item : array) {
                items.add(text(item));
            }
            return items.toString();
        }
        if (value instanceof Class<?> c) {
            return c.getName();
        }
        if (value instanceof CommandLine.ITypeConverter<?> || value instanceof CommandLine.IVersionProvider) {
            return value.getClass().getName();
        }
        if (value instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            l.forEach(item -> items.add(item instanceof ArgSpec a ? a.paramLabel() : text(item)));
            return items.toString();
        }
        if (value instanceof Map<?, ?> m) {
            return new TreeMap<>(m).keySet().toString();
        }
        if (value instanceof CommandLine.Range r) {
            return r + (r.isUnspecified() ? " unspecified" : "");
        }
        return String.valueOf(value);
    }

    private static List<String> list(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            values.forEach(list::add);
        }
        return list;
    }
}
