package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.Secrets.Hit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fixtures are assembled from pieces so that this file itself does not trip secret scanners. */
// covers feature-006/FR-004
class SecretsTest {

    private static final String AWS_ID = "AKIA" + "Q3EXAMPLE7PLX2ZB";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYz8q2RmK4Pz";
    private static final String GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String GITHUB_PAT = "github_pat_" + "11ABCDEFG0123456789_abcdefghijKLMNOP";
    private static final String OPENAI = "sk-" + "proj-Ab3dEf6hIj9kLm2nOp5qRs8t";
    private static final String ANTHROPIC = "sk-ant-" + "api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2";
    private static final String GOOGLE = "AIza" + "SyD4f6H8j0L2n4P6r8T0v2X4z6B8d0F2h4J";
    private static final String SLACK = "xox" + "b-123456789012-abcdefGHIJKL";
    private static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk";
    private static final String GENERIC = "Zq8wX3rT9vB2nM7kL4pQ";
    private static final String PRIVATE_KEY = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1x2y3\nQm9v"
            + "dGhlcg==\n-----END RSA " + "PRIVATE KEY-----";

    private static Map<String, String> samples() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("aws-access-key-id", "aws_access_key_id = " + AWS_ID + "\n");
        m.put("aws-secret-access-key", "aws_secret_access_key = \"" + AWS_SECRET + "\"\n");
        m.put("github-pat", "token: " + GITHUB + "\n");
        m.put("github-fine-grained-pat", "other: " + GITHUB_PAT + "\n");
        m.put("openai-api-key", "client = OpenAI(\"" + OPENAI + "\")\n");
        m.put("anthropic-api-key", "ANTHROPIC=" + ANTHROPIC + "\n");
        m.put("google-api-key", "const url = `maps?key=" + GOOGLE + "`;\n");
        m.put("slack-token", "hook(" + SLACK + ")\n");
        m.put("jwt", "Authorization: Bearer " + JWT + "\n");
        m.put("generic-secret", "db.password = \"" + GENERIC + "\"\n");
        m.put("private-key", "key = '''\n" + PRIVATE_KEY + "\n'''\n");
        return m;
    }

    @Test
    void detects_every_kind() {
        for (Map.Entry<String, String> e : samples().entrySet()) {
            List<Hit> hits = Secrets.find("f.txt", e.getValue());
            assertFalse(hits.isEmpty(), "nothing found for " + e.getKey());
            assertTrue(hits.stream().allMatch(h -> h.kind().equals(e.getKey())),
                    e.getKey() + " found as " + hits.stream().map(Hit::kind).collect(Collectors.toList()));
        }
    }

    @Test
    void finds_both_github_token_forms() {
        String both = samples().get("github-pat") + samples().get("github-fine-grained-pat");
        assertEquals(List.of("github-pat", "github-fine-grained-pat"),
                Secrets.find("f", both).stream().map(Hit::kind).collect(Collectors.toList()));
    }

    @Test
    void reports_path_line_and_exact_span() {
        String text = "a\nb\nkey = " + AWS_ID + "\n";
        Hit h = Secrets.find("conf/app.ini", text).get(0);
        assertEquals("conf/app.ini", h.path());
        assertEquals(3, h.line());
        assertEquals(AWS_ID, text.substring(h.start(), h.end()));
    }

    @Test
    void a_private_key_block_is_one_hit_spanning_its_lines() {
        String text = "x\n" + PRIVATE_KEY + "\ny\n";
        List<Hit> hits = Secrets.find("id_rsa", text);
        assertEquals(1, hits.size());
        assertEquals(2, hits.get(0).line());
        assertEquals(PRIVATE_KEY, text.substring(hits.get(0).start(), hits.get(0).end()));
    }

    @Test
    void a_private_key_without_end_line_is_redacted_to_the_end() {
        String text = "-----BEGIN " + "PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbv\n";
        List<Hit> hits = Secrets.find("k", text);
        assertEquals(text.length(), hits.get(0).end());
    }

    @Test
    void placeholders_are_not_flagged() {
        String text = "password = \"changeme\"\n"
                + "api_key = \"${API_KEY_FROM_ENVIRONMENT}\"\n"
                + "secret: \"<your-secret-here-12345>\"\n"
                + "token = \"xxxxxxxxxxxxxxxxxxxx1\"\n"
                + "password: \"example-password-1234\"\n"
                + "API_KEY = \"your_api_key_goes_here_123\"\n"
                + "password = \"aaaaaaaaaaaaaaaa1111\"\n";
        assertEquals(List.of(), Secrets.find("config.yml", text));
    }

    @Test
    void normal_code_is_not_flagged() {
        String text = "String token = request.getHeader(\"Authorization\");\n"
                + "if (password == null || password.isBlank()) { throw new IllegalArgumentException(); }\n"
                + "tokenizer = TokenizerFactory.createDefaultTokenizer;\n"
                + "const secretName = process.env.SECRET_NAME_FOR_LOOKUP2;\n"
                + "PASSWORD_MIN_LENGTH = 12\n"
                + "String skip = \"sk-short\";\n"
                + "var eyJ = 'eyJ';\n"
                + "// see https://example.com/docs/tokens\n";
        assertEquals(List.of(), Secrets.find("Login.java", text));
    }

    @Test
    void redaction_removes_every_secret_byte_and_keeps_the_line_count() {
        String text = String.join("", samples().values()) + "tail line\n";
        List<Hit> hits = Secrets.find("all.txt", text);
        assertEquals(11, hits.size());
        String redacted = Secrets.redact(text, hits);
        for (String secret : List.of(AWS_ID, AWS_SECRET, GITHUB, GITHUB_PAT, OPENAI, ANTHROPIC, GOOGLE, SLACK, JWT,
                GENERIC, "MIIEpAIBAAKCAQEA1x2y3", "dGhlcg==")) {
            assertFalse(redacted.contains(secret), "still holds " + secret);
        }
        assertEquals(text.split("\n", -1).length, redacted.split("\n", -1).length);
        assertTrue(redacted.contains("[REDACTED:private-key]"));
        assertTrue(redacted.contains("db.password = \"[REDACTED:generic-secret]\""));
        assertTrue(redacted.endsWith("tail line\n"));
    }

    @Test
    void redaction_keeps_lines_in_place() {
        String text = "a\n" + PRIVATE_KEY + "\nafter\n";
        String redacted = Secrets.redact(text, Secrets.find("k", text));
        assertEquals("after", redacted.split("\n", -1)[5]);
        assertEquals("after", text.split("\n", -1)[5]);
    }

    @Test
    void redaction_without_hits_returns_the_text_unchanged() {
        assertEquals("plain\n", Secrets.redact("plain\n", List.of()));
    }

    @Test
    void entropy_is_zero_for_one_symbol_and_higher_for_varied_text() {
        assertEquals(0.0, Secrets.entropy("aaaa"));
        assertEquals(2.0, Secrets.entropy("abcd"), 1e-9);
        assertTrue(Secrets.entropy(GENERIC) > Secrets.MIN_ENTROPY);
    }
}
