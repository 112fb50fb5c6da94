package dev.codefactory.adapter.llm.internal;

import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's settings once resolved: the base address, the key and where it came from, the default model, the
 * options the adapter passes through, timeouts and retries. {@link #toString()} never shows the key.
 *
 * @param keyHint   where the key came from and how to change it (for the 401 message); never the key
 */
public record ModelConfig(String providerId, URI base, String apiKey, String keyHint, String defaultModel,
                          Map<String, Object> options, LanguageModelSettings.Timeouts timeouts, RetryPolicy retry,
                          Clock clock) {

    public ModelConfig {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(keyHint, "keyHint");
        Objects.requireNonNull(defaultModel, "defaultModel");
        options = Map.copyOf(options);
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String toString() {
        return "ModelConfig[providerId=" + providerId + ", base=" + base + ", apiKey="
                + (apiKey == null ? "none" : "****") + ", defaultModel=" + defaultModel + "]";
    }
}
