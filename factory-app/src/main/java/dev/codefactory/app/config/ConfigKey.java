package dev.codefactory.app.config;

import dev.codefactory.domain.text.Closest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One configuration key that Code-Factory knows: its name, its default (none when unset means "decide later", as for
 * {@code llm.provider}, which is auto-detected), what it is for, and, for closed sets, the values it accepts.
 * {@link #KNOWN} is the one list of keys; {@code llm.options.*} is open (any model option passes through), and so is
 * {@code llm.models.*} (a model per provider id).
 */
public record ConfigKey(String name, String defaultValue, String description, List<String> allowed, Type type) {

    /** What a key's values are, as checked when a layer is read or a value is set. */
    public enum Type {
        /** Any one line of text (or one of {@link #allowed()} when that is not empty). */
        TEXT,
        /** {@code 500ms}, {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}; a bare number is seconds. */
        DURATION,
        /** A duration longer than zero (a timeout). */
        POSITIVE_DURATION,
        /** A whole number of at least 1. */
        POSITIVE_INTEGER,
        /** A size larger than zero: {@code 10MB}, {@code 512KB}, {@code 1GB}; a bare number is bytes. */
        SIZE
    }

    /** Keys under this prefix are passed to the model as they are, so any name is accepted. */
    public static final String LLM_OPTIONS = "llm.options.";
    /** {@code llm.models.<provider id>}: the model to use with that provider (its own default otherwise). */
    public static final String LLM_MODELS = "llm.models.";

    private static final List<String> BOOLEAN = List.of("true", "false");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(b|kb|mb|gb|kib|mib|gib)?");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(\\.|^)(key|token|secret)$|.*password.*|.*(api[-_]?key|secret[-_]?key|access[-_]?token)$");

    /** Every fixed key, in the order {@code factory config list} shows them. */
    public static final Map<String, ConfigKey> KNOWN = index(
            key("version", null, "version of this file's format"),
            key("user.name", null, "your name, as the author of new contracts"),
            key("user.email", null, "your e-mail address"),
            key("llm.provider", null, "language model provider id (ollama, openai, anthropic, gemini, azure,"
                    + " openai-compatible); unset: auto-detected"),
            key("llm.endpoint", null, "base URL of the provider; unset: the provider's default"),
            key("llm.model", null, "model name, for llm.provider (set in the same file, or configured anywhere);"
                    + " unset: llm.models.<provider>, else the provider's default"),
            key("llm.timeouts.connect", "10s", "how long to wait for the provider's connection (500ms, 10s, 2m)",
                    Type.POSITIVE_DURATION),
            key("llm.timeouts.first-token", "120s", "how long to wait for the first token of an answer (500ms,"
                    + " 120s, 2m)", Type.POSITIVE_DURATION),
            key("llm.timeouts.total", "10m", "how long a whole answer may take (30s, 10m, 1h)", Type.POSITIVE_DURATION),
            key("llm.max-attempts", "3", "tries of a call that fails for a passing reason (timeout, 429, 5xx) before"
                    + " it gives up; 1 never retries", Type.POSITIVE_INTEGER),
            key("llm.max-concurrency", "1", "the most model calls one process makes at a time (the others wait"
                    + " their turn); raise it for an endpoint that answers several at once", Type.POSITIVE_INTEGER),
            key("github.enabled", "true", "use GitHub when the repository is hosted there", BOOLEAN),
            key("github.username", null, "your GitHub login"),
            key("github.api-url", "https://api.github.com", "GitHub REST API base URL"),
            key("github.web-url", "https://github.com", "GitHub web base URL"),
            key("github.client-id", null, "OAuth app client id for the device flow"),
            key("github.token-ref", "github.oauth.token", "name of the GitHub token in the secret store"),
            key("github.scopes", "repo", "OAuth scopes asked for at sign-in (repo; public_repo for public"
                    + " repositories only)"),
            key("github.timeout", "30s", "how long one GitHub request may take", Type.POSITIVE_DURATION),
            key("github.app-installed", "false", "whether the Code-Factory GitHub App is installed", BOOLEAN),
            key("ui.theme", "auto", "colour theme", List.of("auto", "light", "dark")),
            key("ui.animations", "true", "spinners and progress animations", BOOLEAN),
            key("ui.syntax-highlight", "true", "highlight code in the terminal", BOOLEAN),
            key("audit.full-prompts", "false", "write whole prompts and answers to .factory/audit.jsonl", BOOLEAN),
            key("cache.ttl", "24h", "how long cached model answers are reused (30m, 24h, 7d; 0 disables)",
                    Type.DURATION),
            key("project.test-command", null, "command that runs the project's tests"),
            key("intake.questions", "5", "the most clarifying questions an intake asks", Type.POSITIVE_INTEGER),
            key("intake.min-idea-length", "50", "ideas shorter than this get a hint about what to add",
                    Type.POSITIVE_INTEGER),
            key("review.context-window", "8192", "the model's context window in tokens: the code a review sends"
                    + " is split into calls that fit it", Type.POSITIVE_INTEGER),
            key("review.max-files-per-spec", "20", "the most files a review reads for one spec (its best matches)",
                    Type.POSITIVE_INTEGER),
            key("change.max-files", "20", "the most files one change order may create, modify and delete",
                    Type.POSITIVE_INTEGER),
            key("change.max-bytes", "1MB", "the most new text one change order may write (new files and"
                    + " replacement text together)", Type.SIZE),
            key("change.test-timeout", "10m", "how long project.test-command may run after a change before it is"
                    + " stopped", Type.POSITIVE_DURATION),
            key("scan.max-file-size", "10MB", "files larger than this are left out of reviews and changes, and"
                    + " reported (512KB, 10MB)", Type.SIZE),
            key("scan.max-files", "100", "the most files one review sends to the model (each spec's best matches"
                    + " first); the matched files left out are reported as skipped. The checks that need no model"
                    + " read every file", Type.POSITIVE_INTEGER));

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(type, "type");
    }

    /** A text key. */
    public ConfigKey(String name, String defaultValue, String description, List<String> allowed) {
        this(name, defaultValue, description, allowed, Type.TEXT);
    }

    public Optional<String> defaultIfSet() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether {@code name} is a fixed key or a well-formed {@code llm.options.*} or {@code llm.models.*} key. */
    public static boolean isKnown(String name) {
        return KNOWN.containsKey(name) || (name.startsWith(LLM_OPTIONS) && name.length() > LLM_OPTIONS.length()
                && NAME.matcher(name).matches()) || (name.startsWith(LLM_MODELS) && name.length() > LLM_MODELS.length()
                && NAME.matcher(name).matches() && name.indexOf('.', LLM_MODELS.length()) < 0);
    }

    /**
     * Whether {@code name} looks like it holds a secret ({@code *.key}, {@code *.token}, {@code *.secret},
     * {@code *password*}, {@code *api-key}): such values belong in the secret store, never in a config file.
     */
    public static boolean looksSecret(String name) {
        return SECRET.matcher(name).matches();
    }

    /** The environment variable that overrides {@code name}: {@code FACTORY_} and the key upper-cased, {@code .} and
     *  {@code -} as {@code _}. */
    public static String environmentName(String name) {
        return "FACTORY_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Why {@code value} is not acceptable for this key, if it is not. */
    Optional<String> problemWith(String value) {
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            return Optional.of("'" + value + "' is not a valid value for " + name + "; use one of "
                    + String.join(", ", allowed));
        }
        if (type == Type.POSITIVE_DURATION && parseDuration(value).map(Duration::isZero).orElse(false)) {
            return Optional.of("'" + value + "' is too short for " + name + "; use a duration longer than zero ("
                    + defaultValue + ")");
        }
        if ((type == Type.DURATION || type == Type.POSITIVE_DURATION) && parseDuration(value).isEmpty()) {
            return Optional.of("'" + value + "' is not a duration for " + name + "; use a number with ms, s, m, h"
                    + " or d (" + (defaultValue == null ? "10s" : defaultValue) + ")");
        }
        if (type == Type.SIZE && parseSize(value).isEmpty()) {
            return Optional.of("'" + value + "' is not a size for " + name + "; use a number larger than zero with"
                    + " KB, MB or GB (" + defaultValue + ")");
        }
        if (type == Type.POSITIVE_INTEGER && parsePositive(value).isEmpty()) {
            return Optional.of("'" + value + "' is not a valid value for " + name + "; use a whole number of at"
                    + " least 1");
        }
        return Optional.empty();
    }

    /** {@code 500ms}, {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d} (a bare number is seconds); empty if not one. */
    static Optional<Duration> parseDuration(String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms": return Optional.of(Duration.ofMillis(n));
            case "m": return Optional.of(Duration.ofMinutes(n));
            case "h": return Optional.of(Duration.ofHours(n));
            case "d": return Optional.of(Duration.ofDays(n));
            default: return Optional.of(Duration.ofSeconds(n));
        }
    }

    /** {@code 512KB}, {@code 10MB}, {@code 1GB} (powers of 1024; a bare number is bytes); empty if not one or 0. */
    static Optional<Long> parseSize(String value) {
        Matcher m = SIZE.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).replace("i", "");
        long bytes = unit.equals("kb") ? n << 10 : unit.equals("mb") ? n << 20 : unit.equals("gb") ? n << 30 : n;
        return bytes > 0 ? Optional.of(bytes) : Optional.empty();
    }

    static Optional<Integer> parsePositive(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            return n >= 1 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why {@code value} is not acceptable for the key {@code name}, if it is not (open keys take anything). */
    static Optional<String> problemWith(String name, String value) {
        ConfigKey key = KNOWN.get(name);
        return key == null ? Optional.empty() : key.problemWith(value);
    }

    /** A message for a key that is not known, with the closest known keys, or the keys of its section. */
    static String unknown(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> close = KNOWN.keySet().stream()
                .filter(k -> distance(normal, k) <= Math.max(2, k.length() / 4)
                        || (normal.contains(".") && k.endsWith("." + normal.substring(normal.lastIndexOf('.') + 1))))
                .sorted(Comparator.comparingInt(k -> distance(normal, k)))
                .limit(3).collect(Collectors.toList());
        if (normal.startsWith(LLM_OPTIONS)) {
            return "'" + name + "' is not a valid model option name (lowercase letters, digits, '-' and '_')";
        }
        if (normal.startsWith(LLM_MODELS)) {
            return "'" + name + "' is not llm.models.<provider id> (ollama, openai, anthropic, gemini, azure, ...)";
        }
        StringBuilder m = new StringBuilder("unknown configuration key '").append(name).append('\'');
        if (!close.isEmpty()) {
            m.append("; did you mean ").append(close.stream().map(k -> "'" + k + "'")
                    .collect(Collectors.joining(" or "))).append('?');
        } else {
            String section = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : name + ".";
            List<String> same = KNOWN.keySet().stream().filter(k -> k.startsWith(section))
                    .collect(Collectors.toList());
            if (section.equals("llm.")) {
                same.add(LLM_OPTIONS + "*");
                same.add(LLM_MODELS + "*");
            }
            m.append("; known keys: ").append(String.join(", ", same.isEmpty() ? sections() : same));
        }
        return m.toString();
    }

    private static List<String> sections() {
        List<String> out = new ArrayList<>();
        for (String k : KNOWN.keySet()) {
            String s = k.contains(".") ? k.substring(0, k.indexOf('.')) + ".*" : k;
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    static int distance(String a, String b) {
        return Closest.distance(a, b);
    }

    private static ConfigKey key(String name, String defaultValue, String description) {
        return new ConfigKey(name, defaultValue, description, List.of());
    }

    private static ConfigKey key(String name, String defaultValue, String description, List<String> allowed) {
        return new ConfigKey(name, defaultValue, description, allowed);
    }

    private static ConfigKey key(String name, String defaultValue, String description, Type type) {
        return new ConfigKey(name, defaultValue, description, List.of(), type);
    }

    private static Map<String, ConfigKey> index(ConfigKey... keys) {
        Map<String, ConfigKey> m = new LinkedHashMap<>();
        for (ConfigKey k : keys) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }
}
