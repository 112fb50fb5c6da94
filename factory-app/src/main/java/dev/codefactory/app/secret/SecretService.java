package dev.codefactory.app.secret;

import dev.codefactory.app.provider.ProviderRegistry;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.port.llm.spi.ApiKey;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.secret.KnownSecret;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.secret.SecretStore;
import dev.codefactory.port.secret.spi.SecretStoreProvider;
import dev.codefactory.port.secret.spi.SecretStoreSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The secrets Code-Factory uses, and where each comes from. This is where the environment overrides live: for a
 * {@link KnownSecret} (the key each language model provider on the class path declares,
 * {@link LanguageModelProvider#apiKey()}, and the GitHub token), a non-blank environment variable
 * ({@code OPENAI_API_KEY}, {@code MYCORP_API_KEY}, ...) wins over the store; otherwise the secret comes from the
 * {@link SecretStore}: the one chosen by id ({@code CodeFactory.builder().use(SecretStoreProvider.class, id)}), else
 * the first keyring provider, by id, that is available, else the encrypted file ({@code encrypted-file}). The store
 * is chosen on first use.
 *
 * <p>Nothing here returns or prints a secret value except {@link #get(String)}, whose answer masks it in
 * {@code toString()}.
 */
// implements feature-003/FR-004
public final class SecretService {
    /** The fallback store's id. */
    public static final String ENCRYPTED_FILE = "encrypted-file";

    private final ProviderRegistry registry;
    private final String chosenId;
    private final SecretStoreSettings settings;
    private SecretStoreProvider provider;
    private SecretStore store;
    private List<KnownSecret> known;

    /**
     * @param chosenId the store's provider id when the user chose one, else null to choose automatically
     */
    public SecretService(ProviderRegistry registry, String chosenId, SecretStoreSettings settings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.chosenId = chosenId;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A secret and where it came from: {@code environment variable OPENAI_API_KEY}, {@code keyring entry ...}. */
    public record ResolvedSecret(Secret secret, String source) {
        public ResolvedSecret {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(source, "source");
        }

        public String value() {
            return secret.value();
        }
    }

    /**
     * What storing or deleting did.
     *
     * @param name       the secret's name
     * @param changed    true when something was stored or deleted
     * @param location   where secrets are kept ({@link SecretStore#location()})
     * @param overriddenBy the environment variable that overrides the store for this name, if one is set
     */
    public record Change(String name, boolean changed, String location, Optional<String> overriddenBy) {
        public Change {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(overriddenBy, "overriddenBy");
        }
    }

    /**
     * One known secret in {@link #status()}.
     *
     * @param source where the secret would come from now, empty when it is not set
     */
    public record SecretStatus(String provider, String name, Optional<String> source) {
        public SecretStatus {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Which known secrets are set and from where; never their values.
     *
     * @param store   the store's location, or why none could be chosen
     * @param problem why the store could not be read (the master key does not match, the keyring is locked)
     */
    public record Status(String storeId, String store, List<SecretStatus> secrets, Optional<String> problem) {
        public Status {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(store, "store");
            secrets = List.copyOf(secrets);
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The secrets Code-Factory knows: the key of each language model provider on the class path that declares one
     * (in their detection order, then by id), then the GitHub token. A provider whose declaration fails is left out.
     */
    public synchronized List<KnownSecret> known() {
        if (known == null) {
            List<Map.Entry<Integer, KnownSecret>> declared = new ArrayList<>();
            registry.all(LanguageModelProvider.class).forEach((id, p) -> {
                try {
                    Optional<ApiKey> key = p.apiKey();
                    if (key.isPresent()) {
                        declared.add(Map.entry(p.detection().order(),
                                new KnownSecret(id, key.get().secretName(), key.get().environmentVariables())));
                    }
                } catch (RuntimeException | LinkageError e) {
                    // a provider that cannot say which key it needs has none that can be set
                }
            });
            declared.sort(Comparator.<Map.Entry<Integer, KnownSecret>>comparingInt(Map.Entry::getKey)
                    .thenComparing(e -> e.getValue().provider()));
            List<KnownSecret> all = new ArrayList<>();
            declared.forEach(e -> all.add(e.getValue()));
            all.add(KnownSecret.GITHUB);
            known = List.copyOf(all);
        }
        return known;
    }

    /**
     * The secret name for what a person typed: a provider that declares a key ({@code openai}, {@code mycorp},
     * {@code github}) or a secret name ({@code llm.openai.key}, any valid name).
     *
     * @throws InvalidCommandException listing the providers when it is neither
     */
    public String nameOf(String providerOrName) {
        Objects.requireNonNull(providerOrName, "providerOrName");
        if (providerOrName.equals(KnownSecret.GITHUB.provider())) {
            return KnownSecret.GITHUB.name();
        }
        Optional<KnownSecret> found = known().stream().filter(k -> k.provider().equals(providerOrName)
                || k.name().equals(providerOrName)).findFirst();
        if (found.isPresent()) {
            return found.get().name();
        }
        if (providerOrName.contains(".")) {
            return SecretStore.requireValidName(providerOrName);
        }
        throw new InvalidCommandException("unknown provider '" + shorten(providerOrName) + "'; known: "
                + known().stream().map(k -> ControlCharacters.escape(k.provider())).collect(Collectors.joining(", "))
                + " (or a secret name such as llm.openai.key)");
    }

    /** The secret with {@code name} (an environment override first), and where it came from. */
    public Optional<ResolvedSecret> get(String name) {
        SecretStore.requireValidName(name);
        Optional<String> variable = overridingVariable(name);
        if (variable.isPresent()) {
            return Optional.of(new ResolvedSecret(new Secret(name, settings.environment().get(variable.get())),
                    "environment variable " + variable.get()));
        }
        return store().get(name).map(s -> new ResolvedSecret(s, sourceOf(name)));
    }

    /** Stores {@code value} for a provider or secret name. */
    public Change put(String providerOrName, String value) {
        String name = nameOf(providerOrName);
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException("the secret for " + name + " is empty: nothing was stored");
        }
        store().put(name, value);
        return new Change(name, true, store().location(), overridingVariable(name));
    }

    /**
     * Checks that a secret could be stored now, without storing one ({@link SecretStore#requireWritable()}): for a
     * step that cannot be undone before its secret is stored.
     *
     * @return where it would be stored
     * @throws FactoryException saying what to do when it could not
     */
    public String requireWritable() {
        SecretStore chosen = store();
        chosen.requireWritable();
        return chosen.location();
    }

    /** Deletes the stored secret of a provider or secret name (environment variables are left alone). */
    public Change delete(String providerOrName) {
        String name = nameOf(providerOrName);
        boolean deleted = store().delete(name);
        return new Change(name, deleted, store().location(), overridingVariable(name));
    }

    /** Which known secrets are set and where from; a store that cannot be read is a problem, not a failure. */
    public Status status() {
        SecretStore chosen;
        try {
            chosen = store();
        } catch (FactoryException e) {
            List<SecretStatus> fromEnv = new ArrayList<>();
            for (KnownSecret k : known()) {
                fromEnv.add(new SecretStatus(k.provider(), k.name(),
                        overridingVariable(k.name()).map(v -> "environment variable " + v)));
            }
            return new Status("none", "none", fromEnv, Optional.of(e.getMessage()));
        }
        List<SecretStatus> out = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        for (KnownSecret k : known()) {
            Optional<String> source = overridingVariable(k.name()).map(v -> "environment variable " + v);
            if (source.isEmpty() && problem.isEmpty()) {
                try {
                    source = chosen.get(k.name()).map(s -> sourceOf(k.name()));
                } catch (FactoryException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
            out.add(new SecretStatus(k.provider(), k.name(), source));
        }
        return new Status(provider.id(), chosen.location(), out, problem);
    }

    /** Where secrets are stored, for "stored in ..." ({@link SecretStore#location()}); chooses the store. */
    public String location() {
        return store().location();
    }

    /** The id of the store in use; chooses it. */
    public String storeId() {
        store();
        return provider.id();
    }

    /** The first environment variable among {@code name}'s overrides that is set and not blank. */
    public Optional<String> overridingVariable(String name) {
        List<KnownSecret> candidates = name.equals(KnownSecret.GITHUB.name()) ? List.of(KnownSecret.GITHUB) : known();
        return candidates.stream().filter(k -> k.name().equals(name)).findFirst()
                .flatMap(k -> k.environmentVariables().stream()
                .filter(v -> {
                    String value = settings.environment().get(v);
                    return value != null && !value.isBlank();
                })
                .findFirst());
    }

    private String sourceOf(String name) {
        return (provider.keyring() ? "keyring entry " + name + " in " : "entry " + name + " in ")
                + store().location();
    }

    private synchronized SecretStore store() {
        if (store == null) {
            SecretStoreProvider p = choose();
            store = p.create(settings);
            provider = p;
        }
        return store;
    }

    private SecretStoreProvider choose() {
        if (chosenId != null) {
            return registry.select(SecretStoreProvider.class, chosenId, null);
        }
        Map<String, SecretStoreProvider> all = registry.all(SecretStoreProvider.class);
        List<SecretStoreProvider> keyrings = all.values().stream().filter(SecretStoreProvider::keyring)
                .sorted(Comparator.comparing(SecretStoreProvider::id)).collect(Collectors.toList());
        for (SecretStoreProvider k : keyrings) {
            if (k.isAvailable(settings)) {
                return k;
            }
        }
        SecretStoreProvider file = all.get(ENCRYPTED_FILE);
        if (file != null) {
            return file;
        }
        return all.values().stream().filter(p -> !p.keyring()).findFirst().orElseThrow(() ->
                new FactoryException("no secret store answers: " + (all.isEmpty()
                        ? "none is on the class path (factory-adapter-fs provides them)"
                        : "no keyring is available (" + String.join(", ", all.keySet()) + ")")
                        + "; set the environment variables instead (OPENAI_API_KEY, GITHUB_TOKEN, ...)"));
    }

    private static String shorten(String s) {
        return ControlCharacters.escape(s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }
}
