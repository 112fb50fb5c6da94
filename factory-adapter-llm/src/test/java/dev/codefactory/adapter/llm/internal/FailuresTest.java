package dev.codefactory.adapter.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.TransientLanguageModelException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-003
class FailuresTest {
    private static final String KEY = "sk-live-abcdef123456";
    private final ObjectMapper json = Json.newMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final ErrorContext context = new ErrorContext("openai", "https://api.example", "the environment variable "
            + "OPENAI_API_KEY", "", "", () -> List.of("gpt-a", "gpt-b"), List.of(KEY));

    private LanguageModelException status(int status, String retryAfter, String body) {
        return Failures.forStatus(context, status, retryAfter, null, body, "gpt-x", json, clock);
    }

    @Test
    void the_transient_statuses_are_exactly_the_allow_list() {
        for (int s : List.of(408, 429, 500, 502, 503, 504, 529)) {
            assertInstanceOf(TransientLanguageModelException.class, status(s, null, ""), "status " + s);
        }
        for (int s : List.of(400, 401, 403, 404, 405, 409, 413, 422, 501, 505)) {
            assertInstanceOf(PermanentLanguageModelException.class, status(s, null, ""), "status " + s);
        }
    }

    @Test
    void retry_after_in_seconds_and_as_an_http_date() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), Failures.retryAfter("30", clock));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                Failures.retryAfter("Thu, 01 Jan 2026 00:01:30 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), Failures.retryAfter("Wed, 31 Dec 2025 23:00:00 GMT", clock));
        assertEquals(Optional.empty(), Failures.retryAfter("soon", clock));
        assertEquals(Optional.empty(), Failures.retryAfter(null, clock));
    }

    @Test
    void rate_limit_says_when_to_retry() {
        TransientLanguageModelException e = (TransientLanguageModelException) status(429, "20", "");
        assertEquals(Optional.of(Duration.ofSeconds(20)), e.retryAfter());
        assertTrue(e.getMessage().contains("retry in 20 seconds"), e.getMessage());
        assertTrue(e.getMessage().startsWith("openai: "), e.getMessage());
    }

    @Test
    void retry_after_ms_wins_over_retry_after() {
        TransientLanguageModelException e = (TransientLanguageModelException) Failures.forStatus(context, 429, "20",
                "1500", "", "m", json, clock);
        assertEquals(Optional.of(Duration.ofMillis(1500)), e.retryAfter());
    }

    @Test
    void rejected_key_names_the_variable_and_never_the_key_even_when_echoed() {
        LanguageModelException e = status(401, null,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void unknown_model_lists_the_models_that_exist() {
        LanguageModelException e = status(404, null, "{\"error\":{\"message\":\"The model gpt-x does not exist\"}}");
        assertTrue(e.getMessage().contains("gpt-a, gpt-b"), e.getMessage());
    }

    @Test
    void context_overflow_is_named_and_permanent() {
        LanguageModelException e = status(400, null, "{\"error\":{\"code\":\"context_length_exceeded\",\"message\":"
                + "\"This model's maximum context length is 8192 tokens\"}}");
        assertInstanceOf(PermanentLanguageModelException.class, e);
        assertTrue(e.getMessage().contains("context window"), e.getMessage());
    }

    @Test
    void connection_refused_is_transient() {
        TransientLanguageModelException e = Failures.forIo(context, new ConnectException("refused"), false);
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    // covers feature-003/FR-002
    @Test
    void a_loss_after_tokens_says_it_was_not_repeated() {
        TransientLanguageModelException e = Failures.forIo(context, new IOException("reset"), true);
        assertTrue(e.getMessage().contains("not repeated"), e.getMessage());
    }

    @Test
    void long_waits_are_said_in_minutes_hours_or_days() {
        assertEquals("250 ms", Failures.seconds(Duration.ofMillis(250)));
        assertEquals("1 second", Failures.seconds(Duration.ofSeconds(1)));
        assertEquals("90 seconds", Failures.seconds(Duration.ofSeconds(90)));
        assertEquals("5 minutes", Failures.seconds(Duration.ofSeconds(300)));
        assertEquals("3 hours", Failures.seconds(Duration.ofHours(3)));
        assertEquals("4 days", Failures.seconds(Duration.ofDays(4)));
    }
}
