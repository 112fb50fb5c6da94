package dev.codefactory.port.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageModelExceptionTest {

    @Test
    void message_starts_with_the_provider() {
        IOException cause = new IOException("reset");
        TransientLanguageModelException e = new TransientLanguageModelException("ollama", "connection reset",
                Duration.ofSeconds(3), cause);

        assertEquals("ollama: connection reset", e.getMessage());
        assertEquals("ollama", e.providerId());
        assertSame(cause, e.getCause());
    }

    @Test
    void transient_failure_tells_how_long_to_wait_when_the_provider_said() {
        assertEquals(Optional.of(Duration.ofSeconds(3)),
                new TransientLanguageModelException("p", "m", Duration.ofSeconds(3), null).retryAfter());
        assertEquals(Optional.empty(), new TransientLanguageModelException("p", "m", null, null).retryAfter());
    }

    @Test
    void permanent_failure_names_the_provider() {
        assertEquals("openai: invalid API key",
                new PermanentLanguageModelException("openai", "invalid API key", null).getMessage());
    }
}
