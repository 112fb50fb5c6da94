package dev.codefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;

/**
 * picocli's model of each command, read from its annotations at build time ({@link #describe}, run by
 * {@link HelpPages#main}) and built again at run time from that record ({@link #spec}) without reading an
 * annotation: picocli reads them through proxies that the JDK generates at every start, and scans the methods of
 * {@code Object} for subcommand methods, 38 ms of {@code spec list} (the other way: "picocli's model
 * generated at build time"). The record holds what picocli read: every attribute of a command, its usage message
 * and its options that differs from picocli's default, and the field or method each option sets. {@link #describe}
 * refuses an option attribute it does not know how to record, so a new kind of option fails the build rather than
 * behave differently; {@code CommandModelTest} compares the two models of every command getter by getter (the
 * command's and its usage message's too).
 */
// implements feature-013/FR-001
final class CommandModel {
    /** The record, beside the help pages. */
    static final String RESOURCE = HelpPages.FOLDER + "model.txt";
    private static final String HELP_MIXIN = "mixinStandardHelpOptions";

    /** Attributes an option or positional parameter may have; all others must be picocli's defaults. */
    private static final List<String> ARG_ATTRIBUTES = List.of("names", "index", "arity", "paramLabel",
            "hideParamSyntax", "description", "descriptionKey", "required", "hidden", "defaultValue",
            "showDefaultValue", "splitRegex", "splitRegexSynopsisLabel", "converters", "interactive", "echo", "prompt",
            "order", "scopeType", "negatable", "fallbackValue", "mapFallbackValue", "usageHelp", "versionHelp", "help");

    /** What is known of one command: its attributes, and each of its arguments as attribute lines. */
    private record Command(Map<String, List<String>> attributes, List<Map<String, List<String>>> args,
                           List<Map<String, List<String>>> helpOptions) {
        String one(String key) {
            List<String> values = attributes.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private static volatile String stored;

    /** The record's text; each command's block is read when first asked for (a run needs two or three). */
    private final String text;
    private final Map<String, Command> commands = new HashMap<>();

    private CommandModel(String text) {
        this.text = text;
    }

    /** The record in the class path, or null without one (a build that skipped it): then the annotations. */
    static CommandModel stored() {
        String read = stored;
        if (read == null) {
            try (InputStream in = CommandModel.class.getResourceAsStream(RESOURCE)) {
                read = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                read = "";
            }
            stored = read;
        }
        return read.isEmpty() ? null : new CommandModel(read);
    }

    /** The block of {@code type}, or null when the record does not hold it. */
    private Command command(Class<?> type) {
        return commands.computeIfAbsent(type.getName(), name -> {
            String head = "command\t" + escape(name) + "\n";
            int start = text.startsWith(head) ? 0 : text.indexOf("\n" + head);
            if (start < 0) {
                return null;
            }
            int end = text.indexOf("\ncommand\t", start + 1);
            return parse(text.substring(start == 0 ? 0 : start + 1, end < 0 ? text.length() : end + 1));
        });
    }

    /** Whether the record holds {@code type}. */
    boolean has(Class<?> type) {
        return command(type) != null;
    }

    /** {@code type}'s name, then its aliases. */
    List<String> names(Class<?> type) {
        Command c = command(type);
        List<String> names = new ArrayList<>(List.of(c.one("name")));
        names.addAll(c.attributes().getOrDefault("aliases", List.of()));
        return names;
    }

    /** What help lists of {@code type}: its name, aliases, header, description and whether it is hidden. */
    CommandSpec placeholder(Class<?> type) {
        Command c = command(type);
        List<String> names = names(type);
        CommandSpec spec = CommandSpec.create().name(names.get(0))
                .aliases(names.subList(1, names.size()).toArray(String[]::new));
        spec.usageMessage().header(strings(c, "usage.header")).description(strings(c, "usage.description"))
                .hidden(Boolean.parseBoolean(c.one("usage.hidden")));
        return spec;
    }

    /**
     * The model of {@code command} (a command the record holds), as picocli builds it from the annotations: its
     * {@code @Spec} field set to it. Its {@code @ParentCommand} field is set by {@link #adopt}.
     */
    CommandSpec spec(Object command) {
        Class<?> type = command.getClass();
        Command c = command(type);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(c.one("name"));
        List<String> aliases = c.attributes().getOrDefault("aliases", List.of());
        spec.aliases(aliases.toArray(String[]::new));
        UsageMessageSpec usage = spec.usageMessage();
        if (c.attributes().containsKey("usage.header")) {
            usage.header(strings(c, "usage.header"));
        }
        if (c.attributes().containsKey("usage.description")) {
            usage.description(strings(c, "usage.description"));
        }
        if (c.attributes().containsKey("usage.footer")) {
            usage.footer(strings(c, "usage.footer"));
        }
        if (c.attributes().containsKey("usage.sortOptions")) {
            usage.sortOptions(Boolean.parseBoolean(c.one("usage.sortOptions")));
        }
        if (c.attributes().containsKey("usage.hidden")) {
            usage.hidden(Boolean.parseBoolean(c.one("usage.hidden")));
        }
        if (c.attributes().containsKey("versionProvider")) {
            spec.versionProvider((CommandLine.IVersionProvider) create(c.one("versionProvider")));
        }
        for (Map<String, List<String>> arg : c.args()) {
            ArgSpec built = arg(arg, command, null);
            if (built instanceof OptionSpec option) {
                spec.addOption(option);
            } else {
                spec.addPositional((PositionalParamSpec) built);
            }
        }
        // picocli adds the standard help options after the command's own: the order help lists them in
        if (!c.helpOptions().isEmpty()) {
            CommandSpec mixin = CommandSpec.wrapWithoutInspection(new Object());
            for (Map<String, List<String>> option : c.helpOptions()) {
                mixin.addOption((OptionSpec) arg(option, null, new Holder()));
            }
            spec.addMixin(HELP_MIXIN, mixin);
        }
        String specField = c.one("specField");
        if (specField != null) {
            set(field(type, specField), command, spec);
        }
        return spec;
    }

    /** Sets the {@code @ParentCommand} field of {@code command}, if it has one, to {@code parent}. */
    void adopt(Object command, Object parent) {
        String name = command(command.getClass()).one("parentField");
        if (name != null) {
            set(field(command.getClass(), name), command, parent);
        }
    }

    /** One option or positional parameter, bound to its field or method of {@code command}, or to {@code holder}. */
    private static ArgSpec arg(Map<String, List<String>> a, Object command, Holder holder) {
        Class<?> type = type(one(a, "type"));
        Bound bound;
        if (holder != null) { // as picocli's mixin: a boolean field, false at first
            holder.value = type == boolean.class ? Boolean.FALSE : null;
            bound = new Bound(holder, holder, holder.value, true);
        } else {
            bound = bind(a, command);
        }
        Class<?>[] auxiliary = a.getOrDefault("auxiliaryTypes", List.of()).stream().map(CommandModel::type)
                .toArray(Class<?>[]::new);
        if (!a.containsKey("names")) {
            PositionalParamSpec.Builder b = PositionalParamSpec.builder().type(type);
            if (auxiliary.length > 0) {
                b.auxiliaryTypes(auxiliary);
            }
            for (Map.Entry<String, List<String>> e : a.entrySet()) {
                List<String> v = e.getValue();
                String first = v.isEmpty() ? null : v.get(0);
                switch (e.getKey()) {
                    case "index" -> b.index(first);
                    case "arity" -> b.arity(first);
                    case "paramLabel" -> b.paramLabel(first);
                    case "hideParamSyntax" -> b.hideParamSyntax(Boolean.parseBoolean(first));
                    case "description" -> b.description(v.toArray(String[]::new));
                    case "descriptionKey" -> b.descriptionKey(first);
                    case "required" -> b.required(Boolean.parseBoolean(first));
                    case "hidden" -> b.hidden(Boolean.parseBoolean(first));
                    case "defaultValue" -> b.defaultValue(first);
                    case "showDefaultValue" -> b.showDefaultValue(CommandLine.Help.Visibility.valueOf(first));
                    case "splitRegex" -> b.splitRegex(first);
                    case "splitRegexSynopsisLabel" -> b.splitRegexSynopsisLabel(first);
                    case "converters" -> b.converters(converters(v));
                    case "interactive" -> b.interactive(Boolean.parseBoolean(first));
                    case "echo" -> b.echo(Boolean.parseBoolean(first));
                    case "prompt" -> b.prompt(first);
                    case "scopeType" -> b.scopeType(ScopeType.valueOf(first));
                    case "mapFallbackValue" -> b.mapFallbackValue(first);
                    default -> {
                        // type, auxiliaryTypes, binding: above (the builders share no public type: two lists)
                    }
                }
            }
            return b.getter(bound.getter()).setter(bound.setter()).initialValue(bound.initial())
                    .hasInitialValue(bound.hasInitial()).build();
        }
        OptionSpec.Builder b = OptionSpec.builder(a.get("names").toArray(String[]::new)).type(type);
        if (auxiliary.length > 0) {
            b.auxiliaryTypes(auxiliary);
        }
        for (Map.Entry<String, List<String>> e : a.entrySet()) {
            List<String> v = e.getValue();
            String first = v.isEmpty() ? null : v.get(0);
            switch (e.getKey()) {
                case "arity" -> b.arity(first);
                case "paramLabel" -> b.paramLabel(first);
                case "hideParamSyntax" -> b.hideParamSyntax(Boolean.parseBoolean(first));
                case "description" -> b.description(v.toArray(String[]::new));
                case "descriptionKey" -> b.descriptionKey(first);
                case "required" -> b.required(Boolean.parseBoolean(first));
                case "hidden" -> b.hidden(Boolean.parseBoolean(first));
                case "defaultValue" -> b.defaultValue(first);
                case "showDefaultValue" -> b.showDefaultValue(CommandLine.Help.Visibility.valueOf(first));
                case "splitRegex" -> b.splitRegex(first);
                case "splitRegexSynopsisLabel" -> b.splitRegexSynopsisLabel(first);
                case "converters" -> b.converters(converters(v));
                case "interactive" -> b.interactive(Boolean.parseBoolean(first));
                case "echo" -> b.echo(Boolean.parseBoolean(first));
                case "prompt" -> b.prompt(first);
                case "scopeType" -> b.scopeType(ScopeType.valueOf(first));
                case "mapFallbackValue" -> b.mapFallbackValue(first);
                case "order" -> b.order(Integer.parseInt(first));
                case "negatable" -> b.negatable(Boolean.parseBoolean(first));
                case "fallbackValue" -> b.fallbackValue(first);
                case "usageHelp" -> b.usageHelp(Boolean.parseBoolean(first));
                case "versionHelp" -> b.versionHelp(Boolean.parseBoolean(first));
                case "help" -> b.help(Boolean.parseBoolean(first));
                default -> {
                    // names, type, auxiliaryTypes, binding: above
                }
            }
        }
        return b.getter(bound.getter()).setter(bound.setter()).initialValue(bound.initial())
                .hasInitialValue(bound.hasInitial()).build();
    }

    /** How an argument is read and set, and its value before parsing. */
    private record Bound(IGetter getter, ISetter setter, Object initial, boolean hasInitial) {
    }

    private static Bound bind(Map<String, List<String>> a, Object command) {
        if (a.containsKey("field")) {
            Binding binding = new Binding(command, field(command.getClass(), one(a, "field")), null);
            return new Bound(binding, binding, binding.get(), true);
        }
        List<String> m = a.get("method");
        try {
            Method method = command.getClass().getDeclaredMethod(m.get(0), type(m.get(1)));
            Binding binding = new Binding(command, null, method);
            return new Bound(binding, binding, null, false);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the recorded model names a method that is not there: " + m, e);
        }
    }

    private static CommandLine.ITypeConverter<?>[] converters(List<String> classNames) {
        CommandLine.ITypeConverter<?>[] converters = new CommandLine.ITypeConverter<?>[classNames.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = (CommandLine.ITypeConverter<?>) create(classNames.get(i));
        }
        return converters;
    }

    /** Where a help option keeps its value (picocli's own mixin has two fields for them). */
    private static final class Holder implements IGetter, ISetter {
        private Object value;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T v) {
            T old = (T) value;
            value = v;
            return old;
        }
    }

    /** An option's field or method of its command, set by reflection (it needs no annotation). */
    private static final class Binding implements IGetter, ISetter {
        private final Object command;
        private final Field field;
        private final Method method;
        private Object current;

        Binding(Object command, Field field, Method method) {
            this.command = command;
            this.field = field;
            this.method = method;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            if (field == null) {
                return (T) current;
            }
            try {
                return (T) field.get(command);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = get();
            current = value;
            try {
                if (field != null) {
                    field.set(command, value);
                } else {
                    method.invoke(command, value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new CommandLine.PicocliException("could not set " + method.getName(), cause);
            }
            return old;
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the recorded model names a field that is not there: " + name, e);
        }
    }

    private static void set(Field f, Object target, Object value) {
        try {
            f.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object create(String className) {
        try {
            return create(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the recorded model names a class that is not there: " + className, e);
        }
    }

    /** A new {@code type}, by its constructor without parameters (picocli's default factory does the same). */
    static Object create(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    private static Class<?> type(String name) {
        return switch (name) {
            case "boolean" -> boolean.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            default -> {
                try {
                    yield Class.forName(name);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("the recorded model names a type that is not there: " + name, e);
                }
            }
        };
    }

    private static String[] strings(Command c, String key) {
        return c.attributes().getOrDefault(key, List.of()).toArray(String[]::new);
    }

    private static String one(Map<String, List<String>> a, String key) {
        List<String> v = a.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    // ---- the record's text: a line per attribute, its values after tabs, escaped ----

    /** One command's block of the record. */
    private static Command parse(String block) {
        Command command = new Command(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, List<String>> arg = null;
        for (String line : block.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String part : line.split("\t", -1)) {
                parts.add(unescape(part));
            }
            String key = parts.get(0);
            List<String> values = List.copyOf(parts.subList(1, parts.size()));
            if (key.equals("arg") || key.equals("helpOption")) {
                arg = new LinkedHashMap<>();
                (key.equals("arg") ? command.args() : command.helpOptions()).add(arg);
            } else if (key.startsWith(".")) {
                Objects.requireNonNull(arg, "an attribute of no argument").put(key.substring(1), values);
            } else {
                command.attributes().put(key, values);
            }
        }
        return command;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, List<String> values) {
        out.append(escape(key));
        for (String v : values) {
            out.append('\t').append(escape(v));
        }
        out.append('\n');
    }

    // ---- build time ----

    /** The record of every command under {@code root} (picocli's model from the annotations) but picocli's own. */
    static String describe(CommandLine root) {
        StringBuilder out = new StringBuilder();
        describe(root, out, new java.util.HashSet<>());
        return out.toString();
    }

    private static void describe(CommandLine cli, StringBuilder out, java.util.Set<Class<?>> done) {
        CommandSpec spec = cli.getCommandSpec();
        Object command = spec.userObject();
        if (!command.getClass().getPackageName().equals(CommandModel.class.getPackageName())
                || !done.add(command.getClass())) {
            return; // picocli's help command keeps its annotations
        }
        line(out, "command", List.of(command.getClass().getName()));
        line(out, "name", List.of(spec.name()));
        if (spec.aliases().length > 0) {
            line(out, "aliases", List.of(spec.aliases()));
        }
        UsageMessageSpec usage = spec.usageMessage();
        UsageMessageSpec plain = CommandSpec.create().usageMessage();
        if (usage.header().length > 0) {
            line(out, "usage.header", List.of(usage.header()));
        }
        if (usage.description().length > 0) {
            line(out, "usage.description", List.of(usage.description()));
        }
        if (usage.footer().length > 0) {
            line(out, "usage.footer", List.of(usage.footer()));
        }
        if (usage.sortOptions() != plain.sortOptions()) {
            line(out, "usage.sortOptions", List.of(String.valueOf(usage.sortOptions())));
        }
        if (usage.hidden() != plain.hidden()) {
            line(out, "usage.hidden", List.of(String.valueOf(usage.hidden())));
        }
        if (!(spec.versionProvider() == null || spec.versionProvider().getClass().getName().startsWith("picocli."))) {
            line(out, "versionProvider", List.of(spec.versionProvider().getClass().getName()));
        }
        for (IAnnotatedElement e : spec.specElements()) {
            line(out, "specField", List.of(((Field) e.userObject()).getName()));
        }
        for (IAnnotatedElement e : spec.parentCommandElements()) {
            line(out, "parentField", List.of(((Field) e.userObject()).getName()));
        }
        Map<String, CommandSpec> mixins = spec.mixins();
        if (!mixins.keySet().stream().allMatch(HELP_MIXIN::equals)) {
            throw new IllegalStateException(spec.qualifiedName() + ": only the standard help mixin is recorded");
        }
        List<OptionSpec> helpOptions = mixins.isEmpty() ? List.of() : mixins.get(HELP_MIXIN).options();
        for (OptionSpec o : helpOptions) {
            line(out, "helpOption", List.of());
            describe(spec, o, out, false);
        }
        if (!spec.argGroups().isEmpty() || !spec.unmatchedArgsBindings().isEmpty()) {
            throw new IllegalStateException(spec.qualifiedName() + ": argument groups and unmatched arguments are not"
                    + " recorded");
        }
        for (ArgSpec a : spec.args()) {
            if (a instanceof OptionSpec o && (helpOptions.contains(o) || o.inherited())) {
                continue;
            }
            line(out, "arg", List.of());
            describe(spec, a, out, true);
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            describe(sub, out, done);
        }
    }

    private static void describe(CommandSpec spec, ArgSpec a, StringBuilder out, boolean bound) {
        Map<String, Object> have = a instanceof OptionSpec o ? attributes(OptionSpec.builder(o))
                : attributes(PositionalParamSpec.builder((PositionalParamSpec) a));
        Map<String, Object> defaults = a instanceof OptionSpec o ? attributes(OptionSpec.builder(o.names()).type(a.type()))
                : attributes(PositionalParamSpec.builder().type(a.type()));
        // an enum's constants are its candidates: from the type, as the programmatic builder does too
        have.remove("completionCandidates");
        defaults.remove("completionCandidates");
        ArgSpec plain = a instanceof OptionSpec o ? OptionSpec.builder(o.names()).type(a.type())
                .auxiliaryTypes(a.auxiliaryTypes()).build()
                : PositionalParamSpec.builder().type(a.type()).auxiliaryTypes(a.auxiliaryTypes()).build();
        if (!Objects.equals(list(a.completionCandidates()), list(plain.completionCandidates()))) {
            throw new IllegalStateException(spec.qualifiedName() + " " + a + ": its completion candidates are not"
                    + " recorded; CommandModel must learn them");
        }
        line(out, ".type", List.of(a.type().getName()));
        if (a.auxiliaryTypes().length > 0 && !(a.auxiliaryTypes().length == 1 && a.auxiliaryTypes()[0] == a.type())) {
            line(out, ".auxiliaryTypes", Arrays.stream(a.auxiliaryTypes()).map(Class::getName).toList());
        }
        for (Map.Entry<String, Object> e : have.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            boolean same = Objects.deepEquals(value, defaults.get(key));
            if (key.equals("names")) {
                line(out, ".names", List.of((String[]) value));
            } else if (key.equals("arity")) {
                Range arity = (Range) value;
                if (arity != null && !arity.isUnspecified()) {
                    line(out, ".arity", List.of(arity.originalValue()));
                }
            } else if (key.equals("index")) {
                Range index = (Range) value;
                if (index != null && !index.isUnspecified()) {
                    line(out, ".index", List.of(index.originalValue()));
                }
            } else if (key.equals("converters")) {
                CommandLine.ITypeConverter<?>[] converters = (CommandLine.ITypeConverter<?>[]) value;
                if (converters != null && converters.length > 0) {
                    line(out, ".converters", Arrays.stream(converters).map(c -> c.getClass().getName()).toList());
                }
            } else if (!same) {
                if (!ARG_ATTRIBUTES.contains(key)) {
                    throw new IllegalStateException(spec.qualifiedName() + " " + a + ": its '" + key
                            + "' is not recorded (" + value + "); CommandModel must learn it");
                }
                line(out, "." + key, value instanceof String[] arr ? List.of(arr)
                        : value == null ? List.of() : List.of(String.valueOf(value)));
            }
        }
        if (bound) {
            Object element = a.userObject();
            if (element instanceof Field f) {
                line(out, ".field", List.of(f.getName()));
            } else if (element instanceof Method m && m.getParameterCount() == 1) {
                line(out, ".method", List.of(m.getName(), m.getParameterTypes()[0].getName()));
            } else {
                throw new IllegalStateException(spec.qualifiedName() + " " + a + ": bound to " + element
                        + ", which is not recorded");
            }
        }
    }

    private static List<String> list(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            values.forEach(list::add);
        }
        return list;
    }

    /** Attributes picocli reads from an annotation besides those of {@link #ARG_ATTRIBUTES}: always defaults. */
    private static final List<String> DEFAULT_ATTRIBUTES = List.of("preprocessor", "parameterConsumer",
            "completionCandidates");
    private static final List<String> NO_OPS = List.of("picocli.CommandLine$NoOpParameterPreprocessor",
            "picocli.CommandLine$NullParameterConsumer", "picocli.CommandLine$NoCompletionCandidates");

    /**
     * The builder's attributes picocli reads from an annotation (not its binding, type or value), by the builder's
     * own methods of those names (build time only: its common class is not public).
     */
    private static Map<String, Object> attributes(Object builder) {
        Map<String, Object> a = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(ARG_ATTRIBUTES);
        names.addAll(DEFAULT_ATTRIBUTES);
        for (String name : names) {
            try {
                Method m = builder.getClass().getMethod(name);
                m.setAccessible(true);
                Object value = m.invoke(builder);
                if (DEFAULT_ATTRIBUTES.contains(name) && value != null) {
                    // picocli's annotations name a class that does nothing where its builders leave null
                    String type = value.getClass().getName();
                    value = NO_OPS.contains(type) ? null : type;
                }
                a.put(name, value);
            } catch (NoSuchMethodException e) {
                // an option's attribute a positional parameter does not have, or the other way round
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + name + " of " + builder, e);
            }
        }
        return a;
    }
}
