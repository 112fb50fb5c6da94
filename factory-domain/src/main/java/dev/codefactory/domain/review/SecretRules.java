package dev.codefactory.domain.review;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The kept table of credential shapes that {@link Secrets} finds: the one list behind both the redaction of code
 * before it goes to a model and REVIEW's offline "secrets in code" check.
 *
 * <p>Order matters: the more specific rules come first, and a span one rule claimed is not reported again by a
 * later one (a GitHub token inside a URL's password is a {@code github-pat}, not {@code url-credentials}).
 *
 * <p>Keeping it: every rule has an id, a description, the keywords a match starts with, its own pattern, and the
 * source of the shape (the vendor's documentation of the token format, and the gitleaks rule id of the same shape
 * where there is one, as a reference only). Every rule has a test with a realistic fake positive and a near miss
 * ({@code SecretRulesTest}); a rule without one fails the build. Adding a rule: add the row here, its case there, and
 * its sample to the command-line test that checks redaction and the offline check agree ({@code SecretsEndToEndTest}).
 */
// implements feature-006/FR-005
public final class SecretRules {
    /** Characters of a base64 or base64url value. */
    private static final String B64 = "A-Za-z0-9+/";
    /** A token must not continue into more token characters (or start inside them). */
    private static final String NOT_AFTER_WORD = "(?<![A-Za-z0-9_-])";
    /** Placeholders for a password in a URL besides {@link Secrets#isPlaceholder}: the name of the thing itself. */
    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pass", "pwd", "secret", "token");

    /** The rules, most specific first. */
    public static final List<SecretRule> ALL = List.of(
            new SecretRule("private-key", "a private key in PEM or PGP armour (RSA, EC, DSA, OpenSSH, PKCS#8, PGP)",
                    List.of("-----BEGIN"), SecretRule.Guard.NONE,
                    Pattern.compile("-----BEGIN[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----"
                            // a body must follow (base64, or armour headers such as Proc-Type: or Version:), so code
                            // that only names the header line is not a key
                            + "(?=(?:\\s|\\\\[rn])*+(?:[A-Za-z-]{2,20}:|[" + B64 + "]{16}))"
                            + "(?:.*?-----END[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----|.*\\z)", Pattern.DOTALL),
                    0, 0, SecretRule.Check.ANY,
                    "RFC 7468 (textual encodings: PRIVATE KEY, ENCRYPTED PRIVATE KEY), RFC 4880 section 6.2 (PGP "
                            + "armour); gitleaks private-key"),
            new SecretRule("aws-access-key-id", "an AWS access key id (long-term AKIA, temporary ASIA, ABIA, ACCA)",
                    List.of("AKIA", "ASIA", "ABIA", "ACCA"), SecretRule.Guard.NONE,
                    Pattern.compile("(?<![A-Za-z0-9+/])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9+/])"),
                    0, 3.0, (m, text) -> !m.group().endsWith("EXAMPLE"),
                    "AWS IAM User Guide, IAM identifiers: unique ID prefixes (AKIA, ASIA, ABIA, ACCA); ids ending"
                            + " EXAMPLE are AWS's documented examples; gitleaks aws-access-token"),
            new SecretRule("aws-secret-access-key", "an AWS secret access key assigned to an aws_secret_access_key"
                    + " name", List.of("aws_secret", "aws-secret", "awssecret"), SecretRule.Guard.NONE,
                    Pattern.compile("(?i)aws[_-]?secret(?:[_-]?access)?[_-]?key[\"']?\\s{0,5}(?::=|=>|=|:)\\s{0,5}"
                            + "[\"']?([" + B64 + "]{40})(?![" + B64 + "])"),
                    1, 3.5, SecretRule.Check.ANY,
                    "AWS IAM User Guide, managing access keys (a 40-character secret access key)"),
            token("github-pat", "a GitHub personal access token (classic)", List.of("ghp_"),
                    "ghp_[A-Za-z0-9]{36,255}",
                    "GitHub Docs, about authentication: GitHub's token formats (ghp_); gitleaks github-pat"),
            token("github-fine-grained-pat", "a GitHub fine-grained personal access token", List.of("github_pat_"),
                    "github_pat_[A-Za-z0-9_]{30,255}",
                    "GitHub Docs, about authentication: GitHub's token formats (github_pat_); gitleaks "
                            + "github-fine-grained-pat"),
            token("github-oauth", "a GitHub OAuth access token", List.of("gho_"),
                    "gho_[A-Za-z0-9]{36,255}",
                    "GitHub Docs, about authentication: GitHub's token formats (gho_); gitleaks github-oauth"),
            token("github-app-token", "a GitHub App user-to-server or installation token", List.of("ghu_", "ghs_"),
                    "gh[us]_[A-Za-z0-9]{36,255}",
                    "GitHub Docs, about authentication: GitHub's token formats (ghu_, ghs_); gitleaks "
                            + "github-app-token"),
            token("github-refresh-token", "a GitHub App refresh token", List.of("ghr_"),
                    "ghr_[A-Za-z0-9]{36,255}",
                    "GitHub Docs, about authentication: GitHub's token formats (ghr_); gitleaks github-refresh-token"),
            token("gitlab-pat", "a GitLab personal, project or group access token", List.of("glpat-"),
                    "glpat-[A-Za-z0-9_-]{20,}(?:\\.[A-Za-z0-9_-]+){0,2}",
                    "GitLab Docs, GitLab token overview: token prefixes (glpat-); gitleaks gitlab-pat"),
            token("gitlab-token", "another GitLab token (deploy, runner, trigger, CI job, feed, OAuth application"
                    + " secret, agent, incoming mail, SCIM, feature flags)",
                    List.of("gldt-", "glrt-", "glrtr-", "glptt-", "glcbt-", "glft-", "gloas-", "glagent-", "glimt-",
                            "glsoat-", "glffct-"),
                    "(?:gldt|glrtr?|glptt|glcbt|glft|gloas|glagent|glimt|glsoat|glffct)-[A-Za-z0-9_-]{20,}",
                    "GitLab Docs, GitLab token overview: token prefixes; gitleaks gitlab-deploy-token, "
                            + "gitlab-runner-authentication-token, gitlab-ptt, gitlab-cicd-job-token"),
            token("stripe-secret-key", "a Stripe secret or restricted API key (live or test mode)",
                    List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                    "[sr]k_(?:live|test)_[A-Za-z0-9]{16,247}",
                    "Stripe Docs, API keys (secret sk_, restricted rk_; publishable pk_ keys are not secret); "
                            + "gitleaks stripe-access-token"),
            token("slack-token", "a Slack bot, user, workspace, refresh, configuration or session token",
                    List.of("xox"),
                    "xox(?:[abcdoprs]|e(?:\\.xox[bp])?)-[A-Za-z0-9-]{10,}",
                    "Slack API docs, token types (xoxb-, xoxp-, xoxe-, ...); gitleaks slack-bot-token, "
                            + "slack-user-token, slack-config-access-token"),
            token("slack-app-token", "a Slack app-level token", List.of("xapp-"),
                    "xapp-[0-9]-[A-Za-z0-9-]{10,}",
                    "Slack API docs, token types: app-level tokens (xapp-); gitleaks slack-app-token"),
            new SecretRule("slack-webhook-url", "a Slack incoming webhook or workflow trigger address",
                    List.of("hooks.slack.com/"), SecretRule.Guard.NONE,
                    Pattern.compile("hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,}"),
                    0, 3.0, SecretRule.Check.ANY,
                    "Slack API docs, sending messages using incoming webhooks (the address is a secret); gitleaks "
                            + "slack-webhook-url"),
            token("google-api-key", "a Google API key", List.of("AIza"),
                    "AIza[A-Za-z0-9_-]{35}",
                    "Google Cloud docs, API keys (39 characters starting AIza); gitleaks gcp-api-key"),
            token("anthropic-api-key", "an Anthropic API or admin key", List.of("sk-ant-"),
                    "sk-ant-[A-Za-z0-9_-]{20,}",
                    "Anthropic docs, API keys (sk-ant-api03-, sk-ant-admin01-); gitleaks anthropic-api-key"),
            new SecretRule("openai-api-key", "an OpenAI API key (project, service account, admin or legacy)",
                    List.of("sk-"), SecretRule.Guard.NONE, tokenPattern("sk-(?!ant-)[A-Za-z0-9_-]{20,}"), 0, 3.0,
                    (m, text) -> lettersAndDigits(m.group()),
                    "OpenAI platform docs, API keys (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-); gitleaks "
                            + "openai-api-key"),
            token("huggingface-token", "a Hugging Face user access token", List.of("hf_"),
                    "hf_[A-Za-z]{34}",
                    "Hugging Face docs, user access tokens (hf_); gitleaks huggingface-access-token"),
            token("npm-token", "an npm access token", List.of("npm_"),
                    "npm_[A-Za-z0-9]{36}",
                    "npm Docs, about access tokens; the npm_ prefix came with GitHub's 2021 token formats; gitleaks "
                            + "npm-access-token"),
            token("pypi-token", "a PyPI API token", List.of("pypi-AgEIcHlwaS5vcmc"),
                    "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}",
                    "PyPI help, API tokens (pypi- and a macaroon for pypi.org); gitleaks pypi-upload-token"),
            token("sendgrid-api-key", "a Twilio SendGrid API key", List.of("SG."),
                    "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
                    "Twilio SendGrid docs, API keys (SG. and two base64url parts); gitleaks sendgrid-api-token"),
            new SecretRule("azure-storage-key", "an Azure Storage account key in a connection string",
                    List.of("AccountKey="), SecretRule.Guard.NONE,
                    Pattern.compile("AccountKey=([" + B64 + "]{86}==)"), 1, 3.5, SecretRule.Check.ANY,
                    "Microsoft Learn, configure Azure Storage connection strings (AccountKey=, 64 bytes in base64); "
                            + "gitleaks azure-storage-account-key"),
            token("jwt", "a JSON Web Token (header, payload and signature)", List.of("eyJ"),
                    "eyJ[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]{7,}",
                    "RFC 7519 and RFC 7515 section 7.1 (compact serialisation; a JSON header encodes to eyJ); "
                            + "gitleaks jwt"),
            new SecretRule("url-credentials", "a password in a URL's user:password@ part (JDBC, HTTP, database"
                    + " and broker URLs)", List.of("://"), SecretRules::atSignBeforePath,
                    Pattern.compile("(?<=[A-Za-z0-9+.-])://([^\\s:/?#@\"'`<>\\\\\\[\\]]{0,64}+):"
                            + "([^\\s/?#@\"'`<>\\\\]{1,128}+)@(?=[A-Za-z0-9\\[])"),
                    2, 0, (m, text) -> !urlPlaceholder(m.group(2)) && !m.group(2).equals(m.group(1)),
                    "RFC 3986 section 3.2.1 (user:password in the userinfo, deprecated); a password equal to the"
                            + " user name (postgres:postgres) is taken for a local default"),
            new SecretRule("url-password-parameter", "a password given as a URL or connection-string parameter"
                    + " (?password=, ;password=)", List.of("password=", "passwd=", "pwd="), SecretRule.Guard.NONE,
                    Pattern.compile("(?<=[?&;])(?i:password|passwd|pwd)=([^&;\\s\"'`#<>]{1,256})"),
                    1, 0, (m, text) -> hasLetterOrDigit(m.group(1)) && !urlPlaceholder(m.group(1)),
                    "PostgreSQL JDBC driver docs, connection parameters (password); Microsoft JDBC driver for SQL "
                            + "Server, connection URL (;password=)"),
            new SecretRule("generic-secret", "a random-looking value of " + Secrets.MIN_GENERIC_LENGTH + " or more"
                    + " characters assigned to a name containing password, passwd, secret, token or api key",
                    List.of("password", "passwd", "secret", "token", "api_key", "api-key", "apikey"),
                    SecretRules::assignmentFollows,
                    Pattern.compile("(?i)(?:password|passwd|secret|token|api[_-]?key)"
                            + "[A-Za-z0-9_.-]{0,40}+[\"']?\\s{0,5}+(?::=|=>|=|:)\\s{0,5}+([\"'`]?)"
                            + "([A-Za-z0-9+/=_\\-.~!@#$%^&*]{16,512}+)(\\1)"),
                    2, Secrets.MIN_ENTROPY, (m, text) -> closes(m, text) && Secrets.looksSecret(m.group(2)),
                    "gitleaks generic-api-key (keyword, assignment, entropy), with our placeholder list"));

    private SecretRules() {
    }

    /**
     * A rule for a token with a fixed prefix: the whole match is the secret, with at least 3 bits of entropy a
     * character (so {@code ghp_xxxx...} in documentation is not one).
     */
    private static SecretRule token(String id, String description, List<String> keywords, String shape,
                                     String source) {
        return new SecretRule(id, description, keywords, SecretRule.Guard.NONE, tokenPattern(shape), 0, 3.0,
                SecretRule.Check.ANY, source);
    }

    /** {@code shape}, neither starting nor ending inside a longer run of token characters. */
    private static Pattern tokenPattern(String shape) {
        return Pattern.compile(NOT_AFTER_WORD + "(?:" + shape + ")(?![A-Za-z0-9_-])");
    }

    /**
     * The generic rule's guard: after the keyword, at most 40 more name characters, a quote, at most five spaces,
     * then {@code :} or {@code =}. Names like {@code tokenizer.next()} or {@code passwordHash(} end here.
     */
    static boolean assignmentFollows(CharSequence text, int from) {
        int n = text.length();
        int i = from;
        int limit = Math.min(n, from + 40);
        while (i < limit && isNameChar(text.charAt(i))) {
            i++;
        }
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        limit = Math.min(n, i + 5);
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < n && (text.charAt(i) == ':' || text.charAt(i) == '=');
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    /**
     * The URL rule's guard: an {@code @} comes after {@code ://} before the address's path, query or end (the user
     * and password hold none of {@code / ? #}, no space and no quote), within 194 characters.
     */
    static boolean atSignBeforePath(CharSequence text, int from) {
        int limit = Math.min(text.length(), from + 194);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>'
                    || Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean lettersAndDigits(String s) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit;
    }

    /** A URL's password that stands for one: a variable, a template, a word like "password", stars. */
    private static boolean urlPlaceholder(String value) {
        char first = value.charAt(0);
        return first == '$' || first == '%' || first == '{' || first == '<' || first == '*'
                || PASSWORD_WORDS.contains(value.toLowerCase(Locale.ROOT)) || Secrets.isPlaceholder(value);
    }

    /** True when an unquoted generic value ends where the value plausibly ends (not inside a longer expression). */
    private static boolean closes(MatchResult m, CharSequence text) {
        if (!m.group(1).isEmpty()) {
            return true;
        }
        int after = m.end(2);
        return after >= text.length() || " \t\r\n,;)}]".indexOf(text.charAt(after)) >= 0;
    }
}
