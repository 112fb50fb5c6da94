package dev.codefactory.port.secret;

import java.util.List;
import java.util.Objects;

/**
 * A secret Code-Factory uses, the short provider name people type for it ({@code factory auth set openai}),
 * and the environment variables that override the stored value, first match wins. The keys of language model
 * providers are the ones they declare ({@code LanguageModelProvider.apiKey()}); the GitHub token is Code-Factory's
 * own.
 *
 * @param provider             the short name: {@code openai}, {@code github}
 * @param name                 the secret's name in a {@link SecretStore}
 * @param environmentVariables variables whose non-blank value takes precedence over the store, in order
 */
public record KnownSecret(String provider, String name, List<String> environmentVariables) {

    /** The GitHub token ({@code factory auth login github}), which {@code GITHUB_TOKEN} overrides. */
    public static final KnownSecret GITHUB = new KnownSecret("github", "github.oauth.token", List.of("GITHUB_TOKEN"));

    public KnownSecret {
        Objects.requireNonNull(provider, "provider");
        SecretStore.requireValidName(name);
        environmentVariables = List.copyOf(environmentVariables);
    }
}
