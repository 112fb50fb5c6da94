package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.cli.OpenAiLoopback.Mode;
import dev.codefactory.cli.TestProject.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret value reaches a file under the project or the user's config folder, the audit log, the cache, a log line,
 * standard output or error, or an exception's message or stack trace, however {@code factory ask} ends: against a
 * loopback server speaking OpenAI's API that answers, refuses the key and echoes it, fails with a 500 that echoes it,
 * or cuts the connection; with the key from {@code OPENAI_API_KEY} and from the encrypted file.
 */
// covers feature-003/FR-004
class SecretsNeverLeakTest {
    static final String SECRET = "sk-proj-LeakCanary-7Hq2Vx9Lp4TzW8";
    /** Any long piece of the secret counts as a leak (a mask may keep the last four characters, no more). */
    static final List<String> PIECES = List.of(SECRET, "LeakCanary-7Hq2Vx9", "7Hq2Vx9Lp4",
            Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
            Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));

    @TempDir
    Path dir;
    TestProject p;
    OpenAiLoopback server;
    final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                String params = record.getParameters() == null ? "" : " " + List.of(record.getParameters());
                logLines.add(record.getLoggerName() + " " + record.getMessage() + params
                        + (record.getThrown() == null ? "" : " " + stackTrace(record.getThrown())));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level codeFactoryLevel;
    /** Held for the test: a logger nobody references can be collected, its level with it (no debug lines then). */
    private Logger codeFactory;

    @BeforeEach
    void start() throws IOException {
        server = new OpenAiLoopback();
        p = TestProject.initialised(dir);
        p.env.put("OPENAI_BASE_URL", server.baseUrl());
        p.env.put("FACTORY_MASTER_KEY", "a long master passphrase for the test");
        p.env.put("HOME", dir.resolve(".home").toString());
        p.env.put("FACTORY_LLM_MAX_ATTEMPTS", "2");
        // a stream that hangs fails the test in a minute or two, not in the default ten minutes; no test here is
        // about time, so no answer of the loopback server, however slow the machine, comes near these
        p.env.put("FACTORY_LLM_TIMEOUTS_FIRST_TOKEN", "60s");
        p.env.put("FACTORY_LLM_TIMEOUTS_TOTAL", "2m");
        // every debug line of Code-Factory's own loggers (the HTTP log masks headers and known secrets)
        codeFactory = Logger.getLogger("dev.codefactory");
        codeFactoryLevel = codeFactory.getLevel();
        codeFactory.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        codeFactory.setLevel(codeFactoryLevel);
        server.close();
    }

    private Result run(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), p.root, p.env, false,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Result ask(Mode mode) {
        server.mode = mode;
        p.env.put("OPENAI_BASE_URL", server.baseUrl());
        return run("", "--verbose", "--provider", "openai", "--model", "gpt-test", "ask", "Say hi", "--no-cache");
    }

    private Path secretsFile() {
        return p.userConfigHome().resolve("factory/secrets.enc");
    }

    /** Every file under the project (the user's config folder is inside it), stdout, stderr and the log lines. */
    private void assertNoSecretAnywhere(String what, Result r) throws IOException {
        assertAbsent(what + ": standard output", r.out());
        assertAbsent(what + ": standard error (with the stack trace)", r.err());
        synchronized (logLines) {
            assertAbsent(what + ": log lines", String.join("\n", logLines));
        }
        int files = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files++;
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertAbsent(what + ": " + dir.relativize(f), bytes);
            }
        }
        assertTrue(files > 5, "the scan saw the project's files: " + files);
    }

    private static void assertAbsent(String where, String text) {
        for (String piece : PIECES) {
            assertFalse(text.contains(piece), "the secret (" + piece + ") leaked into " + where + ":\n" + text);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }

    private void theKeyWasSentToTheServer() {
        assertTrue(server.chats() > 0, "the model was called");
        assertTrue(server.authorizations.stream().allMatch(a -> a.equals("Bearer " + SECRET)),
                "the key reached the server: " + server.authorizations);
    }

    @Test
    void a_key_from_the_environment_never_leaks_however_the_call_ends() throws IOException {
        p.env.put("OPENAI_API_KEY", SECRET);

        Result ok = ask(Mode.OK);
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("hi there", ok.out().strip());
        assertNoSecretAnywhere("a good answer", ok);

        Result cached = run("", "--provider", "openai", "--model", "gpt-test", "ask", "Say hi again");
        assertEquals(0, cached.exit(), cached.err());
        try (Stream<Path> cache = Files.walk(dir.resolve(".factory/cache"))) {
            assertTrue(cache.anyMatch(Files::isRegularFile), "an answer was cached, so the cache was scanned");
        }
        assertNoSecretAnywhere("a cached answer", cached);

        Result refused = ask(Mode.UNAUTHORIZED_ECHOING_THE_KEY);
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(refused.err().contains("the key in the environment variable OPENAI_API_KEY"), "says which variable the key came from: "
                + refused.err());
        assertTrue(refused.err().contains("\tat "), "--verbose printed the stack trace: " + refused.err());
        assertNoSecretAnywhere("a 401 that echoes the key", refused);

        Result failed = ask(Mode.SERVER_ERROR_ECHOING_THE_KEY);
        assertEquals(3, failed.exit(), failed.err());
        assertNoSecretAnywhere("a 500 that echoes the header", failed);

        Result cut = ask(Mode.CUT_MID_ANSWER);
        assertEquals(3, cut.exit(), cut.err());
        assertNoSecretAnywhere("a connection cut mid-answer", cut);

        server.mode = Mode.OK;
        p.env.put("OPENAI_BASE_URL", server.baseUrl());
        Result models = run("", "--verbose", "--provider", "openai", "models");
        assertEquals(0, models.exit(), models.err());
        assertTrue(models.out().contains("gpt-test"), models.out());
        assertNoSecretAnywhere("listing the models", models);

        theKeyWasSentToTheServer();
        List<String> audit = Files.readAllLines(dir.resolve(".factory/audit.jsonl"));
        assertTrue(audit.size() >= 4, "every call was audited, so the audit log was scanned: " + audit);
        assertTrue(audit.stream().anyMatch(l -> !l.contains("\"outcome\":\"ok\"")), "failures were audited: " + audit);
        synchronized (logLines) {
            assertTrue(logLines.stream().anyMatch(l -> l.contains("Bearer") || l.contains("authorization")),
                    "the HTTP debug log was on, so its lines were scanned: " + logLines);
        }
    }

    @Test
    void a_key_stored_with_auth_set_never_leaks_and_is_encrypted_at_rest() throws IOException {
        Result stored = run(SECRET + "\n", "auth", "set", "openai");
        assertEquals(0, stored.exit(), stored.err());
        assertTrue(Files.size(secretsFile()) > 0, "the encrypted file was written");
        assertNoSecretAnywhere("auth set", stored);

        Result ok = ask(Mode.OK);
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("hi there", ok.out().strip());
        assertNoSecretAnywhere("a good answer with the stored key", ok);

        Result refused = ask(Mode.UNAUTHORIZED_ECHOING_THE_KEY);
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(refused.err().contains("factory auth set"), "says how to replace the stored key: " + refused.err());
        assertTrue(refused.err().contains("llm.openai.key"), "names the entry the rejected key came from: "
                + refused.err());
        assertNoSecretAnywhere("a 401 with the stored key", refused);

        Result failed = ask(Mode.SERVER_ERROR_ECHOING_THE_KEY);
        assertEquals(3, failed.exit(), failed.err());
        assertNoSecretAnywhere("a 500 with the stored key", failed);

        Result cut = ask(Mode.CUT_MID_ANSWER);
        assertEquals(3, cut.exit(), cut.err());
        assertNoSecretAnywhere("a cut connection with the stored key", cut);

        Result status = run("", "auth", "status");
        assertEquals(0, status.exit(), status.err());
        assertNoSecretAnywhere("auth status", status);
        theKeyWasSentToTheServer();
    }

    @Test
    void config_set_of_a_secret_looking_key_is_refused_without_echoing_it_and_writes_nothing() throws IOException {
        var before = p.snapshot();
        for (String key : List.of("llm.options.api-key", "llm.options.api_key", "github.token", "llm.openai.key",
                "llm.options.password")) {
            Result project = run("", "config", "set", key, SECRET);
            assertEquals(2, project.exit(), key + ": " + project.err());
            assertTrue(project.err().contains("looks like a secret"), project.err());
            assertTrue(project.err().contains("factory auth set"), project.err());
            assertNoSecretAnywhere("config set " + key, project);

            Result global = run("", "config", "set", "--global", key, SECRET);
            assertEquals(2, global.exit(), key + " --global: " + global.err());
            assertNoSecretAnywhere("config set --global " + key, global);
        }
        assertEquals(before, p.snapshot(), "nothing was written");
        assertFalse(Files.exists(p.userConfigHome().resolve("factory/config.yaml")), "no user file was written");
    }

    @Test
    void a_secret_in_the_environment_under_a_config_name_is_refused_without_echoing_it() throws IOException {
        p.env.put("OPENAI_API_KEY", SECRET);
        p.env.put("FACTORY_LLM_OPTIONS_API_KEY", SECRET);
        Result r = ask(Mode.OK);
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.err().contains("FACTORY_LLM_OPTIONS_API_KEY"), r.err());
        assertTrue(r.err().contains("looks like a secret"), r.err());
        assertEquals(0, server.chats(), "nothing was sent");
        assertNoSecretAnywhere("a secret in FACTORY_LLM_OPTIONS_API_KEY", r);
    }
}
