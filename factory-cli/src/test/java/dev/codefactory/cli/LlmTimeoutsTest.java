package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.cli.OpenAiLoopback.Mode;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llm.timeouts.*} and {@code llm.max-attempts} from the project's configuration reach the model's calls. */
class LlmTimeoutsTest {
    @TempDir
    Path dir;
    TestProject p;
    OpenAiLoopback server;

    @BeforeEach
    void start() throws IOException {
        server = new OpenAiLoopback();
        server.mode = Mode.NO_FIRST_TOKEN;
        p = TestProject.initialised(dir);
        p.env.put("OPENAI_BASE_URL", server.baseUrl());
        p.env.put("OPENAI_API_KEY", "sk-test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_server_that_never_sends_a_first_token_fails_after_the_configured_first_token_timeout() throws IOException {
        p.write(".factory/config.yaml", "llm:\n  provider: openai\n  model: gpt-test\n  timeouts:\n"
                + "    first-token: 300ms\n  max-attempts: 1\n");
        long start = System.nanoTime();
        Result r = p.run("ask", "hello?", "--no-cache");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, r.exit(), r.err());
        assertTrue(ms >= 300 && ms < 5_000, "failed after the 300 ms first-token timeout, not the default 120 s: "
                + ms + " ms");
        assertEquals(1, server.chats(), "llm.max-attempts: 1 means no retry");
        String error = r.errLines().get(r.errLines().size() - 1);
        assertEquals(2, r.errLines().size(), "the provider line and one line of error:\n" + r.err());
        assertTrue(error.startsWith("factory: openai: no first token within 300 ms from http://127.0.0.1:"), error);
        assertTrue(error.contains("retry") && error.contains("llm.timeouts"), "says it is worth another try and"
                + " which setting to raise: " + error);
    }

    @Test
    void the_timeouts_from_the_environment_win_over_the_file_and_a_retry_follows_a_timeout() throws IOException {
        p.write(".factory/config.yaml", "llm:\n  provider: openai\n  model: gpt-test\n  timeouts:\n"
                + "    first-token: 2m\n");
        p.env.put("FACTORY_LLM_TIMEOUTS_FIRST_TOKEN", "200ms");
        p.env.put("FACTORY_LLM_MAX_ATTEMPTS", "2");
        long start = System.nanoTime();
        Result r = p.run("ask", "hello?", "--no-cache");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, r.exit(), r.err());
        assertTrue(ms < 10_000, ms + " ms");
        assertEquals(2, server.chats(), "a timeout before any token is transient: tried twice");
        assertTrue(r.err().contains("no first token"), r.err());
    }

    @Test
    void a_bad_timeout_in_the_project_file_names_the_file_the_line_and_the_key() throws IOException {
        p.write(".factory/config.yaml", "llm:\n  provider: openai\n  timeouts:\n    total: ten minutes\n");
        Result r = p.run("ask", "hello?");
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(".factory/config.yaml:4: 'ten minutes' is not a duration for llm.timeouts.total"),
                r.err());
        assertEquals(0, server.chats());
    }

    @Test
    void config_set_refuses_a_bad_timeout_and_accepts_a_good_one() throws IOException {
        Result bad = p.run("config", "set", "llm.timeouts.connect", "fast");
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("'fast' is not a duration for llm.timeouts.connect"), bad.err());
        Result good = p.run("config", "set", "llm.timeouts.connect", "500ms");
        assertEquals(0, good.exit(), good.err());
        Result get = p.run("config", "get", "llm.timeouts.connect");
        assertEquals(0, get.exit(), get.err());
        assertTrue(get.out().startsWith("500ms"), get.out());
    }

    @Test
    void config_list_shows_the_timeouts_with_their_defaults() {
        Result r = p.run("config", "list");
        assertEquals(0, r.exit(), r.err());
        for (String key : new String[] {"llm.timeouts.connect", "llm.timeouts.first-token", "llm.timeouts.total",
            "llm.max-attempts"}) {
            assertTrue(r.out().contains(key), key + " missing:\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("llm.timeouts.first-token") && l.contains("120s")),
                r.out());
    }
}
