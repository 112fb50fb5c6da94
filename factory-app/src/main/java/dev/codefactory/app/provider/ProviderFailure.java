package dev.codefactory.app.provider;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider that could not be used, and why: its class is missing or broken, its constructor or {@code id()}
 * threw, or another provider claims its id. The other providers of its kind are unaffected.
 *
 * @param spi      the provider interface it was found for ({@code LanguageModelProvider}, say)
 * @param provider the provider's class name, or {@code id 'x'} for two providers that share an id
 * @param location the jar (or folder) that listed it, when known
 * @param reason   what went wrong, in one line
 */
public record ProviderFailure(Class<?> spi, String provider, Optional<Path> location, String reason) {

    public ProviderFailure {
        Objects.requireNonNull(spi, "spi");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line: the provider, where it came from, and why it is left out. */
    public String describe() {
        return spi.getSimpleName() + " " + provider + location.map(p -> " (" + p + ")").orElse("") + " not loaded: "
                + reason;
    }
}
