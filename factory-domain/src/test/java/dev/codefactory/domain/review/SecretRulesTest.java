package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.Secrets.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per rule of {@link SecretRules#ALL}: a realistic (fake) positive, where exactly the secret is found under
 * the rule's id, and near misses, where nothing is. Fixtures are assembled from pieces so that this file does not trip
 * secret scanners itself. A rule without a case here fails {@link #every_rule_has_a_case_and_every_case_a_rule}.
 */
// covers feature-006/FR-005
class SecretRulesTest {

    /**
     * @param positive   text holding the secrets
     * @param secrets    exactly the text of each hit, in order
     * @param nearMisses texts that look alike but hold nothing
     */
    record Case(String positive, List<String> secrets, List<String> nearMisses) {
    }

    static final String PEM_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "QyNTUxOQAAACDk8wB1Vq0Zr3pJm5aQkY7nT2cXw9LfH4sD6gE1uR8bM0tAAAAJj7kQ2x\n";
    static final String PRIVATE_KEY = "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n" + PEM_BODY
            + "-----END OPENSSH " + "PRIVATE KEY-----";
    static final String AKIA = "AKIA" + "JQXIRHXO77ZBKA74";
    static final String AWS_SECRET = "j9KfzjsQGMrb9h+ImB+LK" + "777pzNk8cL6j5IXAAjl";
    static final String GHP = "ghp" + "_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
    static final String GITHUB_PAT = "github" + "_pat_R0CsTy4Qwb8DwkNhFdnXsi_Vpzz63FfkCzJr4i0B3JrTAwR4y9ojfljoQoaF1"
            + "LlqsajAIxNKu8iS2G8NPR";
    static final String GHO = "gho" + "_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR";
    static final String GHS = "ghs" + "_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7";
    static final String GHR = "ghr" + "_FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPK";
    static final String GLPAT = "glpat" + "-VdD53X83RZJzzzzgEOzd";
    static final String GLDT = "gldt" + "-menCkhvMdgaKjIg8xNbe";
    static final String STRIPE = "sk_live" + "_3nNyjOq9wMxEhh2FDEEtfjgV";
    static final String SLACK = "xoxb" + "-2048173645-7364518290-ztUjAwyuh1vauWv1zh87mTa5";
    static final String XAPP = "xapp" + "-1-SQXEZYEX1RD-5937204816352-8319478da6bd0c621de49f145fda9988c79fc355";
    static final String HOOK = "hooks.slack.com" + "/services/T0A1B2C3D/B4E5F6G7H/VHnyrvWdFrK9xiRGHOY32nfr";
    static final String GOOGLE = "AIza" + "RH9ucAUsdMlHUvTCQCyEZDz-TddJ8HyS5SU";
    static final String ANTHROPIC = "sk-ant" + "-api03-kCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr";
    static final String OPENAI = "sk-proj" + "-B3m03nbqnsGpWLuqIA1id6Vw5DQL05HA064GiIjH";
    static final String HF = "hf" + "_GbCXlMaXZjljENUhJduRHHJEYXgJdpmrcX";
    static final String NPM = "npm" + "_gGCJbW56eCuNGMGmSrCGIZEG8pSH4487q7J5";
    static final String PYPI = "pypi-AgEIcHlwaS5vcmc" + "z5r1pY4OjE2jBMptUsGr7CmY_uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt";
    static final String SENDGRID = "SG" + ".-PlJhx2jIclHkCiHp6bR1I.qfEouHgxzNNAL5wIScGebcy8F5n3-YNBDRzrZSgqbjG";
    static final String AZURE_KEY = "3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzFalHlsZfYcMMDktXP/tKsf2rcDk"
            + "dfrUnW5gcF+Ha6ili8GjHEAD6/W==";
    static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk";
    static final String GENERIC = "Zq8wX3rT9vB2nM7kL4pQ";
    static final String GENERIC2 = "9fKd02LmQx7Rv3Tz8Wy1";
    static final String GENERIC3 = "mN4bV8cX2zL6kJ0hG5fD3sA9";

    static Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        m.put("private-key", new Case("key = '''\n" + PRIVATE_KEY + "\n'''\n", List.of(PRIVATE_KEY),
                List.of("if (pem.startsWith(\"-----BEGIN " + "PRIVATE KEY-----\")) {\n    return parse(pem);\n}\n",
                        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n")));
        m.put("aws-access-key-id", new Case("aws_access_key_id = " + AKIA + "\n", List.of(AKIA),
                List.of("aws_access_key_id = AKIAIOSFODNN7" + "EXAMPLE\n", "id = AKIA" + "JQXIRHXO77ZBKA7\n",
                        "CHECKSUM=QWKAKIA" + "JQXIRHXO77ZBKA74\n")));
        m.put("aws-secret-access-key", new Case("aws_secret_access_key = \"" + AWS_SECRET + "\"\n",
                List.of(AWS_SECRET), List.of("aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']\n",
                        "aws_secret_access_key = \"" + "A".repeat(40) + "\"\n")));
        m.put("github-pat", new Case("GITHUB_TOKEN=" + GHP + "\n", List.of(GHP),
                List.of("GITHUB_TOKEN=ghp" + "_" + "x".repeat(36) + "\n")));
        m.put("github-fine-grained-pat", new Case("token: " + GITHUB_PAT + "\n", List.of(GITHUB_PAT),
                List.of("Fine-grained tokens start with github" + "_pat_ and are longer.\n")));
        m.put("github-oauth", new Case("auth = '" + GHO + "'\n", List.of(GHO),
                List.of("auth = 'gho" + "_16C7e42F292c6912E771'\n")));
        m.put("github-app-token", new Case("git clone https://x-access-token:" + GHS + "@github.com/o/r.git\n",
                List.of(GHS), List.of("name = \"abcghs" + GHS.substring(3) + "\"\n")));
        m.put("github-refresh-token", new Case("refresh: " + GHR + "\n", List.of(GHR),
                List.of("refresh: ghr" + "_" + "0".repeat(36) + "\n")));
        m.put("gitlab-pat", new Case("PRIVATE-TOKEN: " + GLPAT + "\n", List.of(GLPAT),
                List.of("PRIVATE-TOKEN: glpat" + "-xxxxxxxxxxxxxxxxxxxx\n")));
        m.put("gitlab-token", new Case("deploy_token: " + GLDT + "\n", List.of(GLDT),
                List.of("deploy_token: gldt" + "-menCkhvMdga\n")));
        m.put("stripe-secret-key", new Case("Stripe.apiKey = \"" + STRIPE + "\";\n", List.of(STRIPE),
                List.of("const publishable = \"pk" + STRIPE.substring(2) + "\";\n")));
        m.put("slack-token", new Case("SLACK_BOT_TOKEN=" + SLACK + "\n", List.of(SLACK),
                List.of("SLACK_BOT_TOKEN=xoxb" + "-xxxxxxxxxxxx\n", "id = \"xoxq" + SLACK.substring(4) + "\"\n")));
        m.put("slack-app-token", new Case("SLACK_APP_TOKEN=" + XAPP + "\n", List.of(XAPP),
                List.of("SLACK_APP_TOKEN=xapp" + "-token-goes-here\n")));
        m.put("slack-webhook-url", new Case("webhook: https://" + HOOK + "\n", List.of(HOOK),
                List.of("Post to https://hooks.slack.com" + "/services/... with the address Slack gives you.\n")));
        m.put("google-api-key", new Case("const url = `maps?key=" + GOOGLE + "`;\n", List.of(GOOGLE),
                List.of("const url = `maps?key=" + GOOGLE.substring(0, 30) + "`;\n")));
        m.put("anthropic-api-key", new Case("ANTHROPIC_API_KEY=" + ANTHROPIC + "\n", List.of(ANTHROPIC),
                List.of("Keys look like sk-ant" + "-api03-... and are shown once.\n")));
        m.put("openai-api-key", new Case("client = OpenAI(api_key=\"" + OPENAI + "\")\n", List.of(OPENAI),
                List.of("<div class=\"sk-cube-grid-spinner-animated\"></div>\n")));
        m.put("huggingface-token", new Case("HF_TOKEN=" + HF + "\n", List.of(HF),
                List.of("from huggingface_hub import hf" + "_hub_download_with_progress\n")));
        m.put("npm-token", new Case("//registry.npmjs.org/:_authToken=" + NPM + "\n", List.of(NPM),
                List.of("echo $npm" + "_config_registry_of_the_project_for_ci\n")));
        m.put("pypi-token", new Case("password = " + PYPI + "\n", List.of(PYPI),
                List.of("Upload tokens start with pypi-AgEIcHlwaS5vcmc" + " and go on for a while.\n")));
        m.put("sendgrid-api-key", new Case("SENDGRID_API_KEY='" + SENDGRID + "'\n", List.of(SENDGRID),
                List.of("version = '" + SENDGRID.substring(0, 45) + "'\n")));
        m.put("azure-storage-key", new Case("DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey="
                + AZURE_KEY + ";EndpointSuffix=core.windows.net\n", List.of(AZURE_KEY),
                List.of("AccountName=shopdata;AccountKey=<your-account-key>;\n")));
        m.put("jwt", new Case("Authorization: Bearer " + JWT + "\n", List.of(JWT),
                List.of("header = \"eyJ" + "hbGciOiJIUzI1NiJ9\"\n")));
        m.put("url-credentials", new Case("url: jdbc:postgresql://admin:pw@db.internal:5432/shop\n"
                + "remote = https://deploy:t0k3nV4lu3@git.example.org/shop.git\n", List.of("pw", "t0k3nV4lu3"),
                List.of("DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev\n",
                        "url = https://user:${GIT_TOKEN}@git.example.org/shop.git\n",
                        "see http://localhost:8080/login and ssh://git@github.com/o/r\n",
                        "https://user:password@host/ is the form\n")));
        m.put("url-password-parameter", new Case("jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password="
                + "Str0ngP4ss\njdbc:mysql://db/shop?user=app&password=s3cr3t&useSSL=true\n",
                List.of("Str0ngP4ss", "s3cr3t"),
                List.of("jdbc:mysql://db/shop?user=app&password=${DB_PASSWORD}\n", "reset?password=%s\n",
                        "a password given as a parameter (?password=, ;password=...)\n")));
        m.put("generic-secret", new Case("db.password = \"" + GENERIC + "\"\nservice:\n  api_key: " + GENERIC2
                + "\n{\"apiKey\":\"" + GENERIC3 + "\"}\n", List.of(GENERIC, GENERIC2, GENERIC3),
                List.of("password = \"changeme-please-1234\"\n",
                        "String token = request.getHeader(\"Authorization\");\n")));
        return m;
    }

    @Test
    void every_rule_has_a_case_and_every_case_a_rule() {
        Set<String> rules = SecretRules.ALL.stream().map(SecretRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, new TreeSet<>(cases().keySet()));
        assertEquals(SecretRules.ALL.size(), rules.size(), "rule ids are unique");
    }

    @TestFactory
    Stream<DynamicTest> each_rule_finds_its_positive_exactly_and_none_of_its_near_misses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Case> e : cases().entrySet()) {
            String id = e.getKey();
            Case c = e.getValue();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                List<Hit> hits = Secrets.find("f.txt", c.positive());
                List<String> found = hits.stream().map(h -> c.positive().substring(h.start(), h.end())).toList();
                assertEquals(c.secrets(), found, id + " in " + c.positive());
                assertTrue(hits.stream().allMatch(h -> h.kind().equals(id)),
                        id + " found as " + hits.stream().map(Hit::kind).toList());
                for (String miss : c.nearMisses()) {
                    assertEquals(List.of(), Secrets.find("f.txt", miss), id + ": near miss " + miss);
                }
                String redacted = Secrets.redact(c.positive(), hits);
                for (String secret : c.secrets()) {
                    assertFalse(redacted.contains(secret) && secret.length() > 3, id + " still in " + redacted);
                }
                assertTrue(redacted.contains("[REDACTED:" + id + "]"), redacted);
            }));
        }
        return tests.stream();
    }

    @Test
    void a_malformed_rule_is_refused_when_the_table_is_built() {
        Pattern p = Pattern.compile("x(y)");
        SecretRule.Guard none = SecretRule.Guard.NONE;
        SecretRule.Check any = SecretRule.Check.ANY;
        for (Runnable bad : List.<Runnable>of(
                () -> new SecretRule("Bad Id", "d", List.of("xy"), none, p, 0, 0, any, "s"),
                () -> new SecretRule("ok", "d", List.of(), none, p, 0, 0, any, "s"),
                () -> new SecretRule("ok", "d", List.of("x"), none, p, 0, 0, any, "s"),
                () -> new SecretRule("ok", "d", List.of("xy"), none, p, 2, 0, any, "s"),
                () -> new SecretRule("ok", "d", List.of("xy"), none, p, 1, 0, any, " "))) {
            try {
                bad.run();
                throw new AssertionError("accepted a malformed rule");
            } catch (IllegalArgumentException expected) {
                // refused, as it should be
            }
        }
    }
}
