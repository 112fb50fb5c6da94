package dev.codefactory.adapter.llm.internal;

import java.lang.System.Logger.Level;
import feign.Request;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opt-in request logging at DEBUG (enable the {@value #LOGGER} logger), with central masking: headers by name
 * (authorization, api-key, token, secret, cookie, ...) and every known secret by value, in the URL too. Bodies are
 * never logged: they hold prompts and answers.
 */
final class HttpLog {
    public static final String LOGGER = "dev.codefactory.adapter.llm.http";
    private static final Set<String> SENSITIVE_PARTS = Set.of("authorization", "api-key", "apikey", "token", "secret",
            "cookie", "password", "session");

    private final System.Logger logger;
    private final List<String> secrets;

    public HttpLog(System.Logger logger, List<String> secrets) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    static HttpLog forSecrets(List<String> secrets) {
        return new HttpLog(System.getLogger(LOGGER), secrets);
    }

    public void request(String providerId, Request request) {
        if (logger.isLoggable(Level.DEBUG)) {
            logger.log(Level.DEBUG, providerId + " → " + request.httpMethod() + " " + mask(request.url())
                    + " " + headers(request.headers()));
        }
    }

    public void response(String providerId, Request request, int status, Duration elapsed) {
        if (logger.isLoggable(Level.DEBUG)) {
            logger.log(Level.DEBUG, providerId + " ← " + status + " for " + request.httpMethod() + " "
                    + mask(request.url()) + " after " + elapsed.toMillis() + " ms");
        }
    }

    /** Header names and values with every sensitive value replaced by {@code ****}. */
    public String headers(Map<String, Collection<String>> headers) {
        Map<String, String> shown = new TreeMap<>();
        headers.forEach((name, values) -> shown.put(name.toLowerCase(Locale.ROOT), isSensitive(name) ? "****"
                : mask(String.join(", ", values))));
        return shown.toString();
    }

    static boolean isSensitive(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        for (String part : SENSITIVE_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return lower.endsWith("-key") || lower.equals("key");
    }

    /** {@code text} with every known secret replaced. */
    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }
}
