package dev.codefactory.adapter.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.PermanentLanguageModelException;
import dev.codefactory.port.llm.TransientLanguageModelException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where HTTP statuses and I/O failures become {@link TransientLanguageModelException} or
 * {@link PermanentLanguageModelException}, with a message that names the provider and says what to do. Transient
 * is an allow-list (408, 429, 500, 502, 503, 504, 529, timeouts, refused or lost connections); everything else is
 * permanent.
 */
// implements feature-003/FR-003
public final class Failures {
    static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504, 529);
    private static final int MAX_DETAIL = 300;
    private static final List<String> CONTEXT_OVERFLOW_MARKERS = List.of("context_length_exceeded",
            "maximum context length", "context window", "prompt is too long", "too many tokens",
            "exceeds the context", "input token count", "context length");

    private Failures() {
    }

    /** Whether a status is worth another try. */
    public static boolean isTransient(int status) {
        return TRANSIENT_STATUSES.contains(status);
    }

    /**
     * The exception for a non-2xx answer.
     *
     * @param retryAfterHeader the {@code Retry-After} value, or null
     * @param retryAfterMs     the {@code retry-after-ms} value (OpenAI, Azure), or null
     */
    public static LanguageModelException forStatus(ErrorContext context, int status, String retryAfterHeader,
                                                   String retryAfterMs, String body, String model, ObjectMapper json,
                                                   Clock clock) {
        String detail = context.mask(detail(body, json));
        String said = detail.isEmpty() ? "" : ": " + detail;
        String lower = detail.toLowerCase(Locale.ROOT);
        if (isTransient(status)) {
            Optional<Duration> retryAfter = retryAfterMillis(retryAfterMs)
                    .or(() -> retryAfter(retryAfterHeader, clock));
            String when = retryAfter.map(d -> "retry in " + seconds(d) + ".")
                    .orElse("retry in a few seconds.");
            String what;
            if (status == 429) {
                what = "rate limit or quota reached (HTTP 429)" + said + "; " + when
                        + " If it keeps happening, check the plan or quota of the account.";
            } else if (status == 529 || status == 503) {
                what = "the service is overloaded or unavailable (HTTP " + status + ")" + said + "; " + when;
            } else if (status == 408 || status == 504) {
                what = "the request timed out at the provider (HTTP " + status + ")" + said + "; " + when;
            } else {
                what = "the provider failed (HTTP " + status + ")" + said + "; " + when;
            }
            return new TransientLanguageModelException(context.providerId(), what, retryAfter.orElse(null), null);
        }
        if (status == 401 || status == 403) {
            return new PermanentLanguageModelException(context.providerId(), "the API key was rejected (HTTP " + status
                    + ")" + said + ". Check " + context.keyHint() + ".", null);
        }
        if (isContextOverflow(lower)) {
            return new PermanentLanguageModelException(context.providerId(),
                    "the prompt does not fit in the model's context window (HTTP " + status + ")" + said
                            + ". Shorten the prompt or the context given, or choose a model with a larger window.",
                    null);
        }
        if (status == 404 && (lower.contains("model") || lower.isEmpty() || lower.contains("deployment"))) {
            return new PermanentLanguageModelException(context.providerId(), "the model '" + model
                    + "' was not found (HTTP 404)" + said + ". " + (context.modelHint().isEmpty() ? ""
                    : context.modelHint() + " ") + modelsHint(context), null);
        }
        if (status == 404) {
            return new PermanentLanguageModelException(context.providerId(), "not found (HTTP 404) at "
                    + context.endpoint() + said + ". Check the endpoint address and the model name '" + model + "'.",
                    null);
        }
        return new PermanentLanguageModelException(context.providerId(), "the request was refused (HTTP " + status + ")"
                + said + ". Check the model name and the options given.", null);
    }

    /** The exception for an I/O failure; {@code afterTokens} when some of the answer had already arrived. */
    public static TransientLanguageModelException forIo(ErrorContext context, IOException e, boolean afterTokens) {
        String message;
        if (e instanceof Exchange.ConnectTimedOut || e instanceof HttpConnectTimeoutException) {
            message = "could not connect to " + context.endpoint() + " within the connect timeout"
                    + notRunning(context);
        } else if (e instanceof ConnectException || rootIs(e, ConnectException.class)) {
            message = "could not connect to " + context.endpoint() + " (connection refused)" + notRunning(context);
        } else if (e instanceof HttpTimeoutException) {
            message = "no answer from " + context.endpoint() + " in time; retry, or raise the timeout";
        } else if (afterTokens) {
            message = "the connection was lost in the middle of the answer (" + describe(e, context)
                    + "); the partial answer was not repeated. Ask again.";
        } else {
            message = "the connection to " + context.endpoint() + " was lost before any answer (" + describe(e, context)
                    + "); retry.";
        }
        return new TransientLanguageModelException(context.providerId(), message, null,
                new IOException(e.getClass().getSimpleName() + ": " + describe(e, context)));
    }

    /** A timeout of one of the three waits. */
    public static TransientLanguageModelException timeout(ErrorContext context, String which, Duration limit) {
        return new TransientLanguageModelException(context.providerId(), "no " + which + " within " + seconds(limit)
                + " from " + context.endpoint() + "; retry, or raise the " + which + " timeout"
                + " (llm.timeouts)", null, null);
    }

    /** {@code Retry-After} as seconds or an HTTP date, relative to {@code clock}. */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    static Optional<Duration> retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            double millis = Double.parseDouble(header.trim());
            return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(millis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The provider's own words from an error body: {@code error.message}, {@code error}, {@code message}, or text. */
    public static String detail(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode node = json.readTree(text);
            JsonNode error = node.path("error");
            if (error.isTextual()) {
                text = error.asText();
            } else if (error.path("message").isTextual()) {
                text = error.path("message").asText();
            } else if (node.path("message").isTextual()) {
                text = node.path("message").asText();
            } else if (node.isArray() && node.size() > 0) {
                return detail(node.get(0).toString(), json);
            }
        } catch (IOException | RuntimeException notJson) {
            // plain text it is
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    static boolean isContextOverflow(String lowerDetail) {
        for (String marker : CONTEXT_OVERFLOW_MARKERS) {
            if (lowerDetail.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String modelsHint(ErrorContext context) {
        List<String> models;
        try {
            models = context.models().get();
        } catch (RuntimeException e) {
            models = List.of();
        }
        if (models.isEmpty()) {
            return "List the available models with `factory models --provider " + context.providerId() + "`.";
        }
        List<String> shown = models.size() > 20 ? models.subList(0, 20) : models;
        return "Available models: " + String.join(", ", shown) + (models.size() > 20 ? ", …" : "") + ".";
    }

    private static String notRunning(ErrorContext context) {
        return context.notRunningHint().isEmpty() ? "; check the endpoint and your network, then retry."
                : "; " + context.notRunningHint();
    }

    private static boolean rootIs(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e, ErrorContext context) {
        String m = e.getMessage();
        return context.mask(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long s = (millis + 999) / 1000;
        if (s < 120) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long minutes = (s + 59) / 60;
        if (minutes < 120) {
            return minutes + " minutes";
        }
        long hours = (minutes + 59) / 60;
        return hours < 48 ? hours + " hours" : (hours + 23) / 24 + " days";
    }
}
