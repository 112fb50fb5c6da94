package dev.codefactory.port.llm.spi;

import dev.codefactory.port.secret.SecretStore;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key a {@link LanguageModelProvider} needs, as it declares it ({@link LanguageModelProvider#apiKey()}): the
 * name it is stored under ({@code factory auth set <id>} stores it there) and the environment variables that win
 * over the stored value, first non-blank one first. Code-Factory resolves it and hands the value to
 * {@link LanguageModelProvider#create} in {@link LanguageModelSettings#apiKey()}, with where it came from in
 * {@link LanguageModelSettings#apiKeySource()}.
 *
 * @param secretName           the secret's name in the store, such as {@code llm.mycorp.key}
 * @param environmentVariables variables whose non-blank value takes precedence over the store, in order; may be
 *                             empty (a key that only ever comes from the store)
 */
// implements feature-003/FR-007
public record ApiKey(String secretName, List<String> environmentVariables) {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    public ApiKey {
        SecretStore.requireValidName(secretName);
        environmentVariables = List.copyOf(environmentVariables);
        for (String v : environmentVariables) {
            if (!VARIABLE.matcher(v).matches()) {
                throw new IllegalArgumentException("not an environment variable name: '"
                        + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'");
            }
        }
    }

    /**
     * The usual key of provider {@code providerId}: stored as {@code llm.<providerId>.key}, overridden by these
     * variables ({@code ApiKey.of("mycorp", "MYCORP_API_KEY")}).
     */
    public static ApiKey of(String providerId, String... environmentVariables) {
        Objects.requireNonNull(providerId, "providerId");
        return new ApiKey("llm." + providerId + ".key", List.of(environmentVariables));
    }
}
