package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.domain.review.SecretRule;
import dev.codefactory.domain.review.SecretRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in a project's files, end to end through the CLI, for every rule of {@link SecretRules#ALL}: the offline
 * review reports each one, a review with a model sends each one redacted under the same rule id (one table behind
 * both), and a change order never shows the model a secret of the files it edits, while its edits still apply and
 * the secrets stay in the files. Fixtures are assembled from pieces so that this file does not trip secret scanners.
 */
// covers feature-006/FR-005
class SecretsEndToEndTest {
    static final String SECRETS_FILE = "config/secrets.env";
    static final String STRIPE = "sk_live" + "_3nNyjOq9wMxEhh2FDEEtfjgV";

    /** Per rule id: a line of a file that holds a fake secret of that shape, and the secret. */
    static Map<String, String[]> samples() {
        Map<String, String[]> m = new LinkedHashMap<>();
        String pemBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "QyNTUxOQAAACDk8wB1Vq0Zr3pJm5aQkY7nT2cXw9LfH4sD6gE1uR8bM0tAAAAJj7kQ2x\n";
        String pem = "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n" + pemBody + "-----END OPENSSH " + "PRIVATE KEY-----";
        put(m, "private-key", "DEPLOY_KEY=\"" + pem + "\"",
                "QyNTUxOQAAACDk8wB1Vq0Zr3pJm5aQkY7nT2cXw9LfH4sD6gE1uR8bM0t");
        put(m, "aws-access-key-id", "AWS_ACCESS_KEY_ID=%s", "AKIA" + "JQXIRHXO77ZBKA74");
        put(m, "aws-secret-access-key", "aws_secret_access_key = %s", "j9KfzjsQGMrb9h+ImB+LK" + "777pzNk8cL6j5IXAAjl");
        put(m, "github-pat", "GH_CLASSIC=%s", "ghp" + "_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d");
        put(m, "github-fine-grained-pat", "GH_FINE=%s", "github" + "_pat_R0CsTy4Qwb8DwkNhFdnXsi_Vpzz63FfkCzJr4i0B3Jr"
                + "TAwR4y9ojfljoQoaF1LlqsajAIxNKu8iS2G8NPR");
        put(m, "github-oauth", "GH_OAUTH=%s", "gho" + "_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR");
        put(m, "github-app-token", "GH_APP=%s", "ghs" + "_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7");
        put(m, "github-refresh-token", "GH_REFRESH=%s", "ghr" + "_FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPK");
        put(m, "gitlab-pat", "GITLAB=%s", "glpat" + "-VdD53X83RZJzzzzgEOzd");
        put(m, "gitlab-token", "GITLAB_DEPLOY=%s", "gldt" + "-menCkhvMdgaKjIg8xNbe");
        put(m, "stripe-secret-key", "STRIPE=%s", STRIPE);
        put(m, "slack-token", "SLACK_BOT=%s", "xoxb" + "-2048173645-7364518290-ztUjAwyuh1vauWv1zh87mTa5");
        put(m, "slack-app-token", "SLACK_APP=%s", "xapp" + "-1-SQXEZYEX1RD-5937204816352-8319478da6bd0c621de4");
        put(m, "slack-webhook-url", "SLACK_HOOK=https://%s",
                "hooks.slack.com" + "/services/T0A1B2C3D/B4E5F6G7H/VHnyrvWdFrK9xiRGHOY32nfr");
        put(m, "google-api-key", "MAPS=%s", "AIza" + "RH9ucAUsdMlHUvTCQCyEZDz-TddJ8HyS5SU");
        put(m, "anthropic-api-key", "CLAUDE=%s", "sk-ant" + "-api03-kCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr");
        put(m, "openai-api-key", "GPT=%s", "sk-proj" + "-B3m03nbqnsGpWLuqIA1id6Vw5DQL05HA064GiIjH");
        put(m, "huggingface-token", "HF=%s", "hf" + "_GbCXlMaXZjljENUhJduRHHJEYXgJdpmrcX");
        put(m, "npm-token", "NPM=%s", "npm" + "_gGCJbW56eCuNGMGmSrCGIZEG8pSH4487q7J5");
        put(m, "pypi-token", "PYPI=%s",
                "pypi-AgEIcHlwaS5vcmc" + "z5r1pY4OjE2jBMptUsGr7CmY_uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt");
        put(m, "sendgrid-api-key", "SENDGRID=%s",
                "SG" + ".-PlJhx2jIclHkCiHp6bR1I.qfEouHgxzNNAL5wIScGebcy8F5n3-YNBDRzrZSgqbjG");
        put(m, "azure-storage-key", "AZURE=DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=%s;",
                "3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzFalHlsZfYcMMDktXP/tKsf2rcDk" + "dfrUnW5gcF+Ha6ili8GjHEAD6/W==");
        put(m, "jwt", "SESSION=%s", "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk");
        put(m, "url-credentials", "DATABASE_URL=jdbc:postgresql://admin:%s@db.internal:5432/shop", "Pg4dm1nPw");
        put(m, "url-password-parameter", "REPORTS_DB=jdbc:sqlserver://db:1433;user=sa;password=%s", "Str0ngP4ss");
        put(m, "generic-secret", "db.password = \"%s\"", "Zq8wX3rT9vB2nM7kL4pQ");
        return m;
    }

    private static void put(Map<String, String[]> m, String id, String line, String secret) {
        m.put(id, new String[] {line.contains("%s") ? String.format(line, secret) : line, secret});
    }

    static String secretsFile() {
        StringBuilder text = new StringBuilder("# every kind of credential Code-Factory knows, one a line\n");
        samples().values().forEach(s -> text.append(s[0]).append('\n'));
        return text.toString();
    }

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "shop", model);
        project.env.put("NO_COLOR", "1");
        project.env.put("FACTORY_AUDIT_FULL_PROMPTS", "true");
        project.write("contracts/specs/settings.md", "---\nid: feature-001\ntitle: Settings\nstatus: approved\n"
                + "created: 2026-11-20\nupdated: 2026-11-20\nauthor: Ada\ntags: [config]\npriority: high\n---\n\n"
                + "# Settings\n\n## Overview\n\nThe service reads `" + SECRETS_FILE + "` at start.\n\n"
                + "## Requirements\n\n- The service reads every setting from `" + SECRETS_FILE + "`.\n");
        project.write(SECRETS_FILE, secretsFile());
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "shop");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void every_rule_has_a_sample_here() {
        Set<String> ids = SecretRules.ALL.stream().map(SecretRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ids, new TreeSet<>(samples().keySet()));
    }

    @Test
    void the_offline_review_reports_every_kind_at_its_line() throws IOException {
        Result r = project.run("review", "--offline", "--yes", "--json");

        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (JsonNode f : findings) {
            String message = f.get("message").asText();
            if (message.startsWith("a secret (")) {
                lineOf.put(message.substring("a secret (".length(), message.indexOf(')')),
                        f.get("startLine").asInt());
            }
        }
        List<String> lines = secretsFile().lines().toList();
        for (Map.Entry<String, String[]> e : samples().entrySet()) {
            assertTrue(lineOf.containsKey(e.getKey()), e.getKey() + " not reported: " + findings);
            String firstLine = e.getValue()[0].lines().findFirst().orElseThrow();
            assertEquals(lines.indexOf(firstLine) + 1, lineOf.get(e.getKey()), e.getKey());
        }
        assertEquals(samples().size(), lineOf.size(), "one finding per secret, no other: " + lineOf.keySet());
        for (String[] s : samples().values()) {
            assertFalse(r.out().contains(s[1]) || r.err().contains(s[1]), "a secret is shown: " + s[1]);
        }
    }

    @Test
    void a_review_redacts_every_kind_under_the_id_the_offline_check_reports() throws IOException {
        model.reviews.add("{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[],\"note\":\"\"}],"
                + "\"findings\":[]}");

        Result r = project.run("review", "--yes", "--json");

        assertEquals(0, r.exit(), r.err());
        List<String> asked = userMessages(ModelLoopback.Kind.REVIEW);
        assertEquals(1, asked.size(), model.kinds.toString());
        String prompt = asked.get(0);
        assertTrue(prompt.contains(SECRETS_FILE), prompt);
        for (Map.Entry<String, String[]> e : samples().entrySet()) {
            assertTrue(prompt.contains("[REDACTED:" + e.getKey() + "]"), e.getKey() + " not redacted: " + prompt);
        }
        assertNoSecretIn(String.join("\n", model.bodies), "the model's requests");
        assertNoSecretIn(readAll(project.root.resolve(".factory")), ".factory (audit log with full prompts, cache)");
    }

    @Test
    void a_change_order_never_shows_the_model_a_secret_yet_its_edits_apply_and_keep_them() throws IOException {
        String properties = "src/main/resources/application.properties";
        String before = "greeting=hello\nstripe.key=" + STRIPE + "\ndb.url=jdbc:postgresql://shop:Pg4dm1nPw@db/shop\n";
        project.write(properties, before);
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "properties");
        model.changes.add("{\"summary\": \"Say hi.\", \"specs\": [], \"files\": [{\"path\": \"" + properties
                + "\", \"action\": \"modify\", \"reason\": \"the greeting\"}]}");
        // the model copies what it was shown, markers included, into SEARCH and REPLACE
        model.changes.add("FILE: " + properties + "\n<<<<<<< SEARCH\ngreeting=hello\nstripe.key=[REDACTED:"
                + "stripe-secret-key#1]\n=======\ngreeting=hi\nstripe.key=[REDACTED:stripe-secret-key#1]\n"
                + ">>>>>>> REPLACE\n");
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "echo all tests passed");

        Result r = project.run("change", "Say hi instead of hello", "--yes");

        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(before.replace("greeting=hello", "greeting=hi"), project.read(properties),
                "the edit applied and the secrets are still in the file");
        List<String> asked = userMessages(ModelLoopback.Kind.CHANGE);
        assertEquals(2, asked.size(), "plan and edits: " + model.kinds);
        assertTrue(asked.get(1).contains("stripe.key=[REDACTED:stripe-secret-key#1]"), asked.get(1));
        assertTrue(asked.get(1).contains("jdbc:postgresql://shop:[REDACTED:url-credentials#1]@db/shop"),
                asked.get(1));
        assertNoSecretIn(String.join("\n", model.bodies), "the model's requests");
        String kept = readAll(project.root.resolve(".factory"));
        assertFalse(kept.contains(STRIPE) || kept.contains("Pg4dm1nPw"), "a secret in .factory");
        assertTrue(r.err().contains("secret(s) in what the model was shown were replaced by [REDACTED:...] markers"),
                r.err());
    }

    /** The user messages of the model's requests of {@code kind}, as the model read them (JSON decoded). */
    private List<String> userMessages(ModelLoopback.Kind kind) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < model.kinds.size(); i++) {
            if (model.kinds.get(i) == kind) {
                JsonNode messages = new ObjectMapper().readTree(model.bodies.get(i)).get("messages");
                StringBuilder text = new StringBuilder();
                messages.forEach(m -> text.append(m.get("content").asText()).append('\n'));
                out.add(text.toString());
            }
        }
        return out;
    }

    private static void assertNoSecretIn(String text, String where) {
        for (Map.Entry<String, String[]> e : samples().entrySet()) {
            String secret = e.getValue()[1];
            assertFalse(text.contains(secret) || text.contains(secret.replace("/", "\\/")),
                    e.getKey() + " found in " + where);
        }
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }
}
