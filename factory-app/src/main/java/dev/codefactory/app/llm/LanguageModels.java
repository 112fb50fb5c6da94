package dev.codefactory.app.llm;

import dev.codefactory.app.config.ConfigKey;
import dev.codefactory.app.config.ConfigOrigin;
import dev.codefactory.app.config.ConfigValue;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.provider.ProviderConflictException;
import dev.codefactory.app.provider.ProviderRegistry;
import dev.codefactory.app.provider.StandardAdapters;
import dev.codefactory.app.secret.SecretService;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.spi.ApiKey;
import dev.codefactory.port.llm.spi.Detection;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Chooses, configures and decorates the language model a command uses: the configured provider, or, when none is
 * configured, the one auto-detection finds from what each provider declares ({@link Detection}): the first whose
 * key is set (environment variables of all of them before the secret store), else the first whose probe answers
 * (Ollama on its address). The model it hands out records every call in the audit log and, unless told not to,
 * answers repeated requests from the cache; its calls, with those of every other model it handed out, go to the
 * provider at most {@code llm.max-concurrency} at a time ({@link GatedLanguageModel}).
 */
public final class LanguageModels {
    private static final LanguageModelSettings.Timeouts PROBE =
            new LanguageModelSettings.Timeouts(Duration.ofMillis(400), Duration.ofSeconds(1), Duration.ofSeconds(2));

    /** A probe asks once: a provider that does not answer at once is not the one to use. */
    private static final LanguageModelSettings.Retries PROBE_RETRIES = new LanguageModelSettings.Retries(1);
    private static final String PROVIDER_KEY = "llm.provider";
    private static final String MODEL_KEY = "llm.model";
    private static final String ENDPOINT_KEY = "llm.endpoint";

    private final ProviderRegistry registry;
    private final Supplier<FactoryConfig> config;
    private final Supplier<SecretService> secrets;
    private final Supplier<AuditLog> audit;
    private final Supplier<ResponseCache> cache;
    private final Clock clock;
    private final Map<String, String> environment;
    private final String chosen;
    private final boolean detection;
    private final ThreadFactory threads;
    private ModelCallGate gate;

    /**
     * @param chosen    the provider the embedding application chose ({@code CodeFactory.builder().use}); it wins
     *                  over {@code llm.provider} and detection; null when none was chosen
     * @param detection false to never look for a provider (no Ollama probe, no keys tried): without a choice or
     *                  {@code llm.provider}, {@link #select()} then says how to choose one
     * @param threads   makes the threads a stoppable call waits on ({@code CodeFactory.builder().threads})
     */
    public LanguageModels(ProviderRegistry registry, Supplier<FactoryConfig> config, Supplier<SecretService> secrets,
                          Supplier<AuditLog> audit, Supplier<ResponseCache> cache, Clock clock,
                          Map<String, String> environment, String chosen, boolean detection, ThreadFactory threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.chosen = chosen;
        this.detection = detection;
        this.registry = registry;
        this.config = config;
        this.secrets = secrets;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
    }

    /** Which provider a command will use, and why, in words for the person. */
    public record Selection(String providerId, String reason) {
    }

    /** A provider on the class path. */
    public record ProviderInfo(String id, String displayName) {
    }

    /** Every provider on the class path; one whose name cannot be had (a plugin's bug) is listed by its id. */
    public List<ProviderInfo> providers() {
        List<ProviderInfo> out = new ArrayList<>();
        registry.all(LanguageModelProvider.class).forEach((id, p) -> {
            String name;
            try {
                name = p.displayName();
            } catch (RuntimeException | LinkageError e) {
                name = null;
            }
            out.add(new ProviderInfo(id, name == null ? id : name));
        });
        return out;
    }

    /** The configured provider, or the one auto-detection picks. */
    public Selection select() {
        if (chosen != null) {
            provider(chosen);
            return selection(chosen, "the application chose it (CodeFactory.builder()"
                    + ".use(LanguageModelProvider.class, \"" + chosen + "\"))");
        }
        if (registry.all(LanguageModelProvider.class).isEmpty()) {
            // none at all: named before the configuration is read, whose files need another adapter
            registry.select(LanguageModelProvider.class, null, null);
        }
        Optional<String> configured = config.get().llmProvider();
        if (configured.isPresent()) {
            provider(configured.get());
            return selection(configured.get(), "llm.provider is set ("
                    + config.get().value("llm.provider").origin().describe() + ")");
        }
        Map<String, LanguageModelProvider> all = registry.all(LanguageModelProvider.class);
        if (all.isEmpty()) {
            throw new FactoryException(StandardAdapters.missing(LanguageModelProvider.class));
        }
        if (!detection) {
            throw new FactoryException("no language model is configured, and detection is off"
                    + " (CodeFactory.builder().withoutDetection()): choose one with"
                    + " builder().use(LanguageModelProvider.class, ID) or the configuration's llm.provider; known ids: "
                    + String.join(", ", all.keySet()));
        }
        return detect();
    }

    /** A provider's declared detection, read once per {@link #detect()}. */
    private record Candidate(String id, Detection detection, Optional<ApiKey> key) {
    }

    /**
     * Auto-detection over every provider's {@link Detection}: probes by order first (a local server such as Ollama
     * keeps the code on this machine), then key-set ones by order (the environment of all of them, then the store).
     * A provider whose declaration or probe throws is skipped with a note in the reason (or the error).
     */
    // implements feature-003/FR-008
    private Selection detect() {
        List<String> notes = new ArrayList<>();
        List<Candidate> keyed = new ArrayList<>();
        List<Candidate> probed = new ArrayList<>();
        registry.all(LanguageModelProvider.class).forEach((id, p) -> {
            try {
                Detection d = p.detection();
                if (d.kind() == Detection.Kind.WHEN_KEY_SET) {
                    Optional<ApiKey> key = p.apiKey();
                    if (key.isPresent()) {
                        keyed.add(new Candidate(id, d, key));
                    } else {
                        notes.add("skipped " + ControlCharacters.escape(id) + ": it is detected when its key is set,"
                                + " but declares no key");
                    }
                } else if (d.kind() == Detection.Kind.PROBE) {
                    probed.add(new Candidate(id, d, Optional.empty()));
                }
            } catch (RuntimeException | LinkageError e) {
                notes.add(skipped(id, e));
            }
        });
        Comparator<Candidate> order = Comparator.<Candidate>comparingInt(c -> c.detection().order())
                .thenComparing(Candidate::id);
        keyed.sort(order);
        probed.sort(order);
        // local servers first, as before keys: a model on this machine keeps the code on it
        for (Candidate c : probed) {
            try {
                LanguageModelProvider p = provider(c.id());
                if (p.probe(probeSettings(c.id()))) {
                    return detected(c.id(), ControlCharacters.escape(p.displayName()) + " answers", notes);
                }
            } catch (RuntimeException | LinkageError e) {
                notes.add(skipped(c.id(), e));
            }
        }
        // keys in the environment first: the secret store is opened (its key derived) only when none is set there
        for (Candidate c : keyed) {
            Optional<String> variable = secrets.get().overridingVariable(c.key().get().secretName());
            if (variable.isPresent()) {
                return detected(c.id(), "a key for " + c.id() + " is set (environment variable " + variable.get()
                        + ")", notes);
            }
        }
        // then the store (a store that cannot be read fails here: the probes have had their turn)
        for (Candidate c : keyed) {
            Optional<SecretService.ResolvedSecret> key = secrets.get().get(c.key().get().secretName());
            if (key.isPresent()) {
                return detected(c.id(), "a key for " + c.id() + " is set (" + key.get().source() + ")", notes);
            }
        }
        List<String> ways = new ArrayList<>();
        for (Candidate c : probed) {
            if (!c.detection().hint().isBlank()) {
                ways.add(ControlCharacters.escape(c.detection().hint()));
            }
        }
        List<String> variables = new ArrayList<>();
        keyed.forEach(c -> variables.addAll(c.key().get().environmentVariables()));
        ways.add("set a key (" + (variables.isEmpty() ? "" : String.join(", ", variables) + ", or ")
                + "'factory auth set PROVIDER')");
        ways.add("choose one with 'factory config set llm.provider ID'");
        throw new FactoryException("no language model is configured and none was found: "
                + String.join("; or ", ways) + notes(notes));
    }

    private Selection detected(String id, String why, List<String> notes) {
        return selection(id, "nothing is configured and " + why + notes(notes));
    }

    private static String skipped(String id, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "skipped " + ControlCharacters.escape(id) + ": its detection failed ("
                + ControlCharacters.escape(message.length() > 200 ? message.substring(0, 200) + "..." : message) + ")";
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]";
    }

    /**
     * {@link #open(String, String, boolean)} for a call the person may stop: when {@code stop} turns true, the call
     * in progress is cancelled (its connection closed) and {@link dev.codefactory.domain.StopRequestedException} is
     * thrown ({@link StoppableLanguageModel}).
     */
    public StoppableLanguageModel open(String providerId, String mode, boolean useCache,
                                       java.util.function.BooleanSupplier stop) {
        return new StoppableLanguageModel(open(providerId, mode, useCache), stop, threads);
    }

    /**
     * The model of {@code providerId} (null: the selected one), configured from the configuration and secrets,
     * audited as {@code mode}, and cached unless {@code useCache} is false.
     */
    public LanguageModel open(String providerId, String mode, boolean useCache) {
        String id = providerId != null ? providerId : select().providerId();
        LanguageModel model = gated(provider(id).create(settings(id, config.get().llmTimeouts(),
                configuredRetries())));
        LanguageModel audited = new AuditedLanguageModel(model, audit.get(), clock, mode,
                config.get().auditFullPrompts());
        return useCache ? new CachingLanguageModel(audited, cache.get(), clock, config.get().cacheTtl(),
                modelFor(id).model()) : audited;
    }

    /** The models {@code providerId} (null: the selected one) offers. */
    public List<ModelInfo> models(String providerId) {
        String id = providerId != null ? providerId : select().providerId();
        return gated(provider(id).create(settings(id, config.get().llmTimeouts(), configuredRetries())))
                .listModels();
    }

    /**
     * {@code model} behind this instance's one gate, which lets {@code llm.max-concurrency} calls through at a time,
     * whichever model and use case make them. A changed limit takes effect for the models opened after the change
     * (the calls of those opened before finish under the old one).
     */
    private LanguageModel gated(LanguageModel model) {
        int limit = config.get().llmMaxConcurrency();
        ModelCallGate current;
        synchronized (this) {
            if (gate == null || gate.limit() != limit) {
                gate = new ModelCallGate(limit);
            }
            current = gate;
        }
        return new GatedLanguageModel(model, current);
    }

    private LanguageModelProvider provider(String id) {
        try {
            return registry.select(LanguageModelProvider.class, id, id);
        } catch (ProviderConflictException e) {
            throw e;
        } catch (FactoryException e) {
            if (registry.all(LanguageModelProvider.class).isEmpty()) {
                throw e; // none at all: the message names the artifact to add
            }
            throw new InvalidCommandException("unknown language model provider '" + id + "'; known: "
                    + String.join(", ", registry.all(LanguageModelProvider.class).keySet())
                    + registry.notLoaded(LanguageModelProvider.class));
        }
    }

    /** A selection of {@code id} because of {@code why}, with the model it will use and why that one. */
    private Selection selection(String id, String why) {
        return new Selection(id, why + "; " + modelFor(id).reason());
    }

    /**
     * The model {@code id} is asked for, and why, in words: {@code llm.model} when it is {@code id}'s
     * ({@link #isFor}), else {@code llm.models.<id>}, else the provider's documented default, else "" (the provider
     * picks one, or says that one must be named).
     */
    ModelChoice modelFor(String id) {
        FactoryConfig c = config.get();
        ConfigValue model = c.value(MODEL_KEY);
        String notUsed = "";
        if (model.isSet()) {
            if (isFor(c, model, id)) {
                return new ModelChoice(model.value(), "model " + model.value() + " (llm.model, "
                        + model.origin().describe() + ")");
            }
            Optional<String> owner = ownerOf(c, model);
            notUsed = "; llm.model " + model.value() + " (" + model.origin().describe() + ") "
                    + (owner.isPresent() ? "is for " + owner.get() + ", so it is not used here"
                    : "names no provider, so it is not used: set llm.provider beside it, or llm.models." + id);
        }
        ConfigValue own = c.value(ConfigKey.LLM_MODELS + id);
        if (own.isSet()) {
            return new ModelChoice(own.value(), "model " + own.value() + " (llm.models." + id + ", "
                    + own.origin().describe() + ")" + notUsed);
        }
        Optional<String> fallback = provider(id).defaultModel();
        if (fallback.isPresent()) {
            return new ModelChoice(fallback.get(), "model " + fallback.get() + ", " + id + "'s default (llm.models."
                    + id + " names another)" + notUsed);
        }
        return new ModelChoice("", "no model is configured for " + id + ", so " + id + " picks one" + notUsed);
    }

    /** A model for a provider, and why it is that one. */
    record ModelChoice(String model, String reason) {
    }

    /**
     * Whether a provider-specific value ({@code llm.model}, {@code llm.endpoint}) is meant for provider {@code id}:
     * always when given on the command line (for this command's provider); otherwise when the provider it was set
     * for ({@link #ownerOf}) is {@code id}. A value that names no provider is never sent to a detected one.
     */
    private static boolean isFor(FactoryConfig c, ConfigValue value, String id) {
        return value.origin().layer() == ConfigOrigin.Layer.COMMAND_LINE || ownerOf(c, value).map(id::equals)
                .orElse(false);
    }

    /**
     * The provider a value was set for: {@code llm.provider} in the same layer (the same file, the environment),
     * else the {@code llm.provider} configured in any layer but the command line; empty when none is.
     */
    private static Optional<String> ownerOf(FactoryConfig c, ConfigValue value) {
        List<ConfigValue> providers = c.layers(PROVIDER_KEY);
        for (ConfigValue p : providers) {
            if (p.origin().layer() == value.origin().layer()
                    && java.util.Objects.equals(p.origin().file(), value.origin().file())) {
                return Optional.of(p.value());
            }
        }
        return providers.stream().filter(p -> p.origin().layer() != ConfigOrigin.Layer.COMMAND_LINE)
                .map(ConfigValue::value).findFirst();
    }

    /**
     * A probe's settings: one attempt, short timeouts, and the provider's own endpoint. An {@code --endpoint} on the
     * command line is for the provider detection ends with, so no probe is sent there (a gateway that answers any
     * path would otherwise pass for Ollama).
     */
    private LanguageModelSettings probeSettings(String id) {
        LanguageModelSettings s = settings(id, PROBE, PROBE_RETRIES);
        if (config.get().value(ENDPOINT_KEY).origin().layer() != ConfigOrigin.Layer.COMMAND_LINE) {
            return s;
        }
        return s.withEndpoint(null);
    }

    /** As often as {@code llm.max-attempts} says. */
    private LanguageModelSettings.Retries configuredRetries() {
        return new LanguageModelSettings.Retries(config.get().llmMaxAttempts());
    }

    private LanguageModelSettings settings(String id, LanguageModelSettings.Timeouts timeouts,
                                           LanguageModelSettings.Retries retries) {
        FactoryConfig c = config.get();
        ConfigValue configuredEndpoint = c.value(ENDPOINT_KEY);
        URI endpoint = configuredEndpoint.isSet() && isFor(c, configuredEndpoint, id)
                ? URI.create(configuredEndpoint.value()) : null;
        String model = modelFor(id).model();
        Map<String, Object> options = new LinkedHashMap<>();
        c.llmOptions().forEach((k, v) -> options.put(k, typed(v)));
        Optional<SecretService.ResolvedSecret> key = provider(id).apiKey()
                .flatMap(k -> secrets.get().get(k.secretName()));
        return new LanguageModelSettings(endpoint, model, key.map(SecretService.ResolvedSecret::value).orElse(null),
                options, timeouts, retries, environment, key.map(SecretService.ResolvedSecret::source).orElse(null));
    }

    /** {@code 0.7} as a number, {@code true} as a boolean, the rest as text, as a provider's JSON wants them. */
    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            return value.contains(".") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
