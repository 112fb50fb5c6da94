package dev.codefactory.app.config;

import dev.codefactory.app.config.ConfigOrigin.Layer;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.port.config.ConfigurationFiles;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration in layers, merged by SmallRye Config (MicroProfile Config) with one source per layer, each with
 * an ordinal that gives the precedence: command line, environment ({@code FACTORY_LLM_MODEL} for {@code llm.model}),
 * then either the explicit file ({@code --config}, {@code FACTORY_CONFIG}) or the project's, the user's and the
 * system's {@code config.yaml}, then the defaults. Files are read as YAML by SmallRye's YAML source and located
 * line by line by {@link YamlOutline}, so errors and origins name the line.
 */
// implements feature-003/FR-004
public final class LayeredConfiguration implements ConfigUseCase {
    private static final Pattern YAML_LINE = Pattern.compile("line (\\d+), column (\\d+)");
    private static final String ENV_OPTIONS = "FACTORY_LLM_OPTIONS_";
    private static final String ENV_MODELS = "FACTORY_LLM_MODELS_";

    private final ConfigLayers layers;
    private final Supplier<ConfigurationFiles> files;
    private FactoryConfig loaded;

    /**
     * @param files reads the configuration files and writes the ones {@link #setConfig} changes (the fs adapter's,
     *              asked for on first use)
     */
    public LayeredConfiguration(ConfigLayers layers, Supplier<ConfigurationFiles> files) {
        this.layers = layers;
        this.files = Objects.requireNonNull(files, "files");
    }

    @Override
    public synchronized FactoryConfig config() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    @Override
    public ConfigChange setConfig(String key, String value, ConfigScope scope) {
        checkKey(key, "");
        if (value == null || value.contains("\n") || value.contains("\r")) {
            throw new InvalidCommandException("a configuration value is one line of text; " + key
                    + " was given " + (value == null ? "none" : "several lines"));
        }
        ConfigKey.problemWith(key, value)
                .ifPresent(p -> {
                    throw new InvalidCommandException(p);
                });
        Path file = layers.fileOf(scope);
        Path root = layers.projectRoot();
        ConfigurationFiles fs = files.get();
        if (scope == ConfigScope.PROJECT && !fs.isFolder(root.resolve(".factory"))
                && !fs.exists(root.resolve(".git"))) {
            throw new ProjectStateException(root + " is not a project (no .git or .factory/ here), so it has no"
                    + " .factory/config.yaml: run this in your repository, or use --global for your own settings");
        }
        boolean written;
        synchronized (this) {
            String before = fs.exists(file) ? read(fs, file) : "";
            if (!before.isEmpty()) {
                parse(file, before, 0); // never edit a file that does not read
            }
            String after = ConfigFileEdit.set(file, YamlOutline.of(before), key, scalar(value));
            String readBack = parse(file, after, 0).getValue(key);
            if (!value.equals(readBack)) {
                throw new ConfigException(file, 0, "setting " + key + " would not read back as '" + value
                        + "' (it reads '" + readBack + "'); edit the file by hand");
            }
            written = !after.equals(before);
            if (written) {
                fs.replace(file, after, scope == ConfigScope.GLOBAL);
            }
            loaded = null;
        }
        return new ConfigChange(key, value, file, written, config().value(key));
    }

    private FactoryConfig load() {
        Map<Integer, Layer> layerOf = new HashMap<>();
        Map<Integer, YamlOutline> outlines = new HashMap<>();
        Map<Integer, Path> paths = new HashMap<>();
        List<ConfigSource> sources = new ArrayList<>();

        Map<String, String> overrides = new LinkedHashMap<>();
        layers.overrides().forEach((k, v) -> {
            checkKey(k, " (given on the command line)");
            if (v != null && !v.isEmpty()) {
                ConfigKey.problemWith(k, v)
                        .ifPresent(p -> {
                            throw new InvalidCommandException(p);
                        });
                overrides.put(k, v);
            }
        });
        add(sources, layerOf, new PropertiesConfigSource(overrides, "command line", 600), Layer.COMMAND_LINE);

        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> variables = new HashMap<>();
        for (String key : ConfigKey.KNOWN.keySet()) {
            String name = ConfigKey.environmentName(key);
            String v = layers.environment().get(name);
            if (v != null && !v.isEmpty()) {
                environment.put(key, v);
                variables.put(key, name);
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(layers.environment()).entrySet()) {
            if (e.getKey().startsWith(ENV_OPTIONS) && e.getKey().length() > ENV_OPTIONS.length()
                    && !e.getValue().isEmpty()) {
                String key = ConfigKey.LLM_OPTIONS + e.getKey().substring(ENV_OPTIONS.length()).toLowerCase(Locale.ROOT);
                environment.put(key, e.getValue());
                variables.put(key, e.getKey());
            }
            if (e.getKey().startsWith(ENV_MODELS) && e.getKey().length() > ENV_MODELS.length()
                    && !e.getValue().isEmpty()) {
                // provider ids have dashes: FACTORY_LLM_MODELS_OPENAI_COMPATIBLE is llm.models.openai-compatible
                String key = ConfigKey.LLM_MODELS + e.getKey().substring(ENV_MODELS.length()).toLowerCase(Locale.ROOT)
                        .replace('_', '-');
                environment.put(key, e.getValue());
                variables.put(key, e.getKey());
            }
        }
        environment.forEach((k, v) -> {
            if (ConfigKey.looksSecret(k)) {
                throw new ConfigException("environment " + variables.get(k) + ": " + k + " looks like a secret;"
                        + " configuration refers to secrets by name only: store it with 'factory auth set'");
            }
            ConfigKey.problemWith(k, v).ifPresent(p -> {
                throw new ConfigException("environment " + variables.get(k) + ": " + p);
            });
        });
        add(sources, layerOf, new PropertiesConfigSource(environment, "environment", 500), Layer.ENVIRONMENT);

        ConfigurationFiles fs = this.files.get();
        Optional<Path> explicit = layers.explicit();
        List<Map.Entry<Path, Layer>> files = new ArrayList<>();
        if (explicit.isPresent()) {
            if (!fs.isFile(explicit.get())) {
                throw new ConfigException(explicit.get(), 0, "no such configuration file (named by "
                        + (layers.explicitFile() != null ? "--config" : "FACTORY_CONFIG") + ")");
            }
            files.add(Map.entry(explicit.get(), Layer.EXPLICIT_FILE));
        } else {
            files.add(Map.entry(layers.projectFile(), Layer.PROJECT_FILE));
            layers.userFile().ifPresent(user -> files.add(Map.entry(user, Layer.USER_FILE)));
            layers.systemFile().ifPresent(system -> files.add(Map.entry(system, Layer.SYSTEM_FILE)));
        }
        int ordinal = 400;
        for (Map.Entry<Path, Layer> f : files) {
            Path file = f.getKey();
            if (!fs.isFile(file)) {
                continue;
            }
            String text = read(fs, file);
            YamlOutline outline = YamlOutline.of(text);
            YamlConfigSource source = parse(file, text, ordinal--);
            check(file, outline, source);
            sources.add(source);
            layerOf.put(source.getOrdinal(), f.getValue());
            outlines.put(source.getOrdinal(), outline);
            paths.put(source.getOrdinal(), file);
        }

        Map<String, String> defaults = new LinkedHashMap<>();
        ConfigKey.KNOWN.values().forEach(k -> k.defaultIfSet().ifPresent(d -> defaults.put(k.name(), d)));
        add(sources, layerOf, new PropertiesConfigSource(defaults, "default", 0), Layer.DEFAULT);

        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(sources.toArray(new ConfigSource[0]))
                .build();
        TreeSet<String> open = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if ((name.startsWith(ConfigKey.LLM_OPTIONS) || name.startsWith(ConfigKey.LLM_MODELS))
                    && !name.contains("[")) {
                open.add(name);
            }
        }
        List<ConfigSource> byPrecedence = new ArrayList<>(sources);
        byPrecedence.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        Map<String, List<ConfigValue>> stacked = new HashMap<>();
        List<String> names = new ArrayList<>(ConfigKey.KNOWN.keySet());
        names.addAll(open);
        for (String name : names) {
            io.smallrye.config.ConfigValue v = config.getConfigValue(name);
            String raw = v == null ? null : v.getValue();
            values.put(name, raw == null ? new ConfigValue(name, null, ConfigOrigin.defaults())
                    : new ConfigValue(name, raw, origin(name, v.getSourceOrdinal(), layerOf, variables, paths,
                            outlines)));
            // every layer's own value, for the keys that depend on another key of their layer (llm.model)
            List<ConfigValue> set = new ArrayList<>();
            for (ConfigSource source : byPrecedence) {
                String own = source.getValue(name);
                if (own != null) {
                    set.add(new ConfigValue(name, own, origin(name, source.getOrdinal(), layerOf, variables, paths,
                            outlines)));
                }
            }
            stacked.put(name, set);
        }
        return new FactoryConfig(values, stacked);
    }

    /** Where the value of {@code name} in the source with {@code ordinal} came from: layer, file and line. */
    private static ConfigOrigin origin(String name, int ordinal, Map<Integer, Layer> layerOf,
                                       Map<String, String> variables, Map<Integer, Path> paths,
                                       Map<Integer, YamlOutline> outlines) {
        Layer layer = layerOf.getOrDefault(ordinal, Layer.DEFAULT);
        if (layer == Layer.COMMAND_LINE) {
            return ConfigOrigin.commandLine();
        } else if (layer == Layer.ENVIRONMENT) {
            return ConfigOrigin.environment(variables.get(name));
        } else if (layer.isFile()) {
            return ConfigOrigin.file(layer, paths.get(ordinal), outlines.get(ordinal).lineOf(name));
        }
        return ConfigOrigin.defaults();
    }

    /** Adds a source; its ordinal, unique per layer, tells where a value came from. */
    private static void add(List<ConfigSource> sources, Map<Integer, Layer> layerOf, ConfigSource source,
                            Layer layer) {
        sources.add(source);
        layerOf.put(source.getOrdinal(), layer);
    }

    /** Refuses secrets, unknown keys and bad values in a file, naming the first by line. */
    private static void check(Path file, YamlOutline outline, YamlConfigSource source) {
        List<String> names = new ArrayList<>(source.getPropertyNames());
        names.sort(Comparator.comparingInt(outline::lineOf).thenComparing(Comparator.naturalOrder()));
        for (String name : names) {
            String key = name.replaceAll("\\[\\d+]", "");
            int line = outline.lineOf(name);
            if (ConfigKey.looksSecret(key)) {
                throw new ConfigException(file, line, key + " looks like a secret: configuration files refer to"
                        + " secrets by name only; remove it from this file and store it with 'factory auth set'");
            }
            if (!ConfigKey.isKnown(key) || !key.equals(name)) {
                throw new ConfigException(file, line, ConfigKey.isKnown(key) ? key + " takes one value, not a list"
                        : ConfigKey.unknown(key));
            }
            ConfigKey known = ConfigKey.KNOWN.get(key);
            if (known != null) {
                Optional<String> problem = known.problemWith(source.getValue(name));
                if (problem.isPresent()) {
                    throw new ConfigException(file, line, problem.get());
                }
            }
        }
    }

    private static void checkKey(String key, String where) {
        if (ConfigKey.looksSecret(key)) {
            throw new InvalidCommandException("'" + key + "'" + where + " looks like a secret: configuration refers"
                    + " to secrets by name only; store the secret with 'factory auth set' instead");
        }
        if (!ConfigKey.isKnown(key)) {
            throw new InvalidCommandException(ConfigKey.unknown(key) + where);
        }
    }

    /**
     * Any YAML mapping (an answers file, say) flattened as SmallRye reads configuration: {@code a.b} for nested keys,
     * {@code list[0]} for sequence items. A syntax error or a key written twice names the file and the line.
     */
    public static Map<String, String> flatten(Path file, String text) {
        YamlConfigSource source = parse(file, text, 0);
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : source.getPropertyNames()) {
            out.put(name, source.getValue(name));
        }
        return out;
    }

    /** Parses {@code text} with SmallRye's YAML source; a syntax error names the file and the line. */
    private static YamlConfigSource parse(Path file, String text, int ordinal) {
        YamlOutline.Duplicate twice = YamlOutline.of(text).firstDuplicate().orElse(null);
        if (twice != null) {
            throw new ConfigException(file, twice.line(), twice.path() + " is set twice (first on line "
                    + twice.firstLine() + "); keep one");
        }
        YamlConfigSource source;
        try {
            source = new YamlConfigSource(file.toString(), text, ordinal);
        } catch (RuntimeException e) {
            throw yamlError(file, String.valueOf(e.getMessage()));
        }
        if (!text.isBlank() && source.getPropertyNames().isEmpty() && YamlOutline.of(text).entries().isEmpty()
                && text.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("#")
                        && !l.strip().equals("---"))) {
            int line = 1;
            for (String l : (Iterable<String>) text.lines()::iterator) {
                if (!l.isBlank() && !l.strip().startsWith("#")) {
                    break;
                }
                line++;
            }
            throw new ConfigException(file, line, "not a configuration: the file must be a YAML mapping"
                    + " (llm:, github:, ui:, ...)");
        }
        return source;
    }

    /**
     * The YAML parser's message in one line: its context and its problem ("while parsing a flow sequence, expected
     * ',' or ']'"), at the line where it stopped, or, for a bracket or a quote left open, where that opened.
     */
    private static ConfigException yamlError(Path file, String message) {
        List<String> said = new ArrayList<>();
        List<Integer> marks = new ArrayList<>();
        for (String l : (Iterable<String>) message.lines()::iterator) {
            Matcher m = YAML_LINE.matcher(l);
            if (l.strip().startsWith("in ") && m.find()) {
                marks.add(Integer.parseInt(m.group(1)));
            } else if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                said.add(l.strip());
            }
        }
        String problem = said.isEmpty() ? message.strip() : String.join(", ", said);
        boolean leftOpen = !said.isEmpty() && said.get(0).matches("while (parsing a flow|scanning a (quoted|block)).*");
        int line = marks.isEmpty() ? 0 : leftOpen ? marks.get(0) : marks.get(marks.size() - 1);
        return new ConfigException(file, line, "not valid YAML: " + problem);
    }

    /** The text of {@code file}, which must be UTF-8; the port says when it cannot be read. */
    private static String read(ConfigurationFiles fs, Path file) {
        byte[] bytes = fs.read(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, "not UTF-8 text");
        }
    }

    /** Booleans and numbers stay plain ({@code animations: false}); other text is quoted when YAML needs it. */
    private static String scalar(String value) {
        if (value.matches("true|false|-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return dev.codefactory.domain.yaml.YamlText.scalar(value);
    }
}
