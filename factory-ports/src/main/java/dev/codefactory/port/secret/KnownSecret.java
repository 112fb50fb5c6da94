package dev.codefactory.port.secret;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret Code-Factory itself uses, the short provider name people type for it ({@code factory auth set openai}),
 * and the environment variables that override the stored value, first match wins.
 *
 * @param provider             the short name: {@code openai}, {@code github}
 * @param name                 the secret's name in a {@link SecretStore}
 * @param environmentVariables variables whose non-blank value takes precedence over the store, in order
 */
public record KnownSecret(String provider, String name, List<String> environmentVariables) {

    /** Every secret Code-Factory uses, with its environment overrides. */
    public static final List<KnownSecret> ALL = List.of(
            new KnownSecret("openai", "llm.openai.key", List.of("OPENAI_API_KEY")),
            new KnownSecret("anthropic", "llm.anthropic.key", List.of("ANTHROPIC_API_KEY")),
            new KnownSecret("gemini", "llm.gemini.key", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")),
            new KnownSecret("azure", "llm.azure.key", List.of("AZURE_OPENAI_API_KEY")),
            new KnownSecret("github", "github.oauth.token", List.of("GITHUB_TOKEN")));

    public KnownSecret {
        Objects.requireNonNull(provider, "provider");
        SecretStore.requireValidName(name);
        environmentVariables = List.copyOf(environmentVariables);
    }

    /** The known secret for a provider name ({@code openai}) or a secret name ({@code llm.openai.key}). */
    public static Optional<KnownSecret> find(String providerOrName) {
        return ALL.stream().filter(k -> k.provider.equals(providerOrName) || k.name.equals(providerOrName))
                .findFirst();
    }

    /** The known secret stored under {@code name}. */
    public static Optional<KnownSecret> byName(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
    }
}
