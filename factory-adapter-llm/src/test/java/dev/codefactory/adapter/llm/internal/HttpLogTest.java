package dev.codefactory.adapter.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HttpLogTest {
    private static final String KEY = "sk-very-secret-0001";

    /** A logger that records DEBUG lines, or says DEBUG is off. */
    private static final class Recording implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final boolean debug;

        Recording(boolean debug) {
            this.debug = debug;
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return debug && level.getSeverity() >= Level.DEBUG.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
        }
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.POST, "http://127.0.0.1:1/v1/x?key=" + KEY,
                Map.of("Authorization", List.of("Bearer " + KEY), "x-goog-api-key", List.of(KEY), "api-key",
                        List.of(KEY), "X-Session-Token", List.of("tok"), "Content-Type", List.of("application/json")),
                "{\"prompt\":\"private\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
    }

    @Test
    void masks_sensitive_headers_by_name_and_secrets_by_value_and_never_logs_bodies() {
        Recording logger = new Recording(true);
        HttpLog log = new HttpLog(logger, List.of(KEY));

        log.request("openai", request());
        log.response("openai", request(), 200, Duration.ofMillis(12));

        assertEquals(2, logger.lines.size());
        for (String line : logger.lines) {
            assertFalse(line.contains(KEY), line);
            assertFalse(line.contains("tok]"), line);
            assertFalse(line.contains("private"), line);
        }
        assertTrue(logger.lines.get(0).contains("content-type=application/json"), logger.lines.get(0));
        assertTrue(logger.lines.get(0).contains("authorization=****"), logger.lines.get(0));
    }

    @Test
    void logs_nothing_unless_debug_is_on() {
        Recording logger = new Recording(false);
        new HttpLog(logger, List.of(KEY)).request("openai", request());
        assertEquals(List.of(), logger.lines);
    }
}
