package dev.codefactory.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.CodeHostException.Kind;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where GitHub's failures become {@link CodeHostException}s: HTTP statuses (as Feign's
 * {@link ErrorDecoder}, and for the raw answers), unreachable hosts and timeouts, unreadable answers, and the OAuth
 * device flow's {@code error} codes. Every message is masked: no known secret (the token, a device code) survives in
 * it, whatever GitHub echoed.
 */
final class GitHubErrors implements ErrorDecoder {
    static final String SIGN_IN = "`factory auth login github`";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Pattern REPOS = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?$");
    private static final Pattern TOKEN_SHAPED = Pattern.compile(
            "\\b(gh[pousr]_[A-Za-z0-9]{10,}|github_pat_[A-Za-z0-9_]{10,})");

    private final ObjectMapper json;
    private final Clock clock;
    private final String apiPath;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    GitHubErrors(ObjectMapper json, Clock clock, URI apiUrl, Optional<String> token) {
        this.json = json;
        this.clock = clock;
        String path = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        this.apiPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        token.ifPresent(this::addSecret);
    }

    /** Masks {@code secret} in every later message (a device code while its flow runs). */
    void addSecret(String secret) {
        if (secret != null && !secret.isBlank()) {
            secrets.add(secret);
        }
    }

    /** {@code text} with every known secret, and anything shaped like a GitHub token, replaced by {@code ****}. */
    String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return TOKEN_SHAPED.matcher(masked).replaceAll("****");
    }

    CodeHostException failure(Kind kind, String message) {
        return failure(kind, message, null);
    }

    CodeHostException failure(Kind kind, String message, Instant retryAt) {
        return new CodeHostException(kind, mask(message), retryAt);
    }

    // ---- HTTP statuses ----------------------------------------------------------------------------------------

    @Override
    public Exception decode(String methodKey, Response response) {
        return fromStatus(response);
    }

    /** A non-2xx answer as the exception to throw; reads (a bounded part of) the body and closes it. */
    CodeHostException fromStatus(Response response) {
        int status = response.status();
        JsonNode body = bodyOf(response);
        String what = describe(response.request());
        String said = gitHubSays(body);
        if (status == 401) {
            return failure(Kind.UNAUTHORIZED, "the GitHub token was rejected" + said + "; sign in again with "
                    + SIGN_IN + ".");
        }
        if (status == 403 || status == 429) {
            Optional<CodeHostException> limited = rateLimited(status, response.headers(), said);
            if (limited.isPresent()) {
                return limited.get();
            }
            return forbidden(response.headers(), what, said);
        }
        if (status == 404) {
            return failure(Kind.NOT_FOUND, "GitHub found no " + what + said + ". Check the name; a private "
                    + "repository is only visible to a token with the `repo` scope (sign in again with " + SIGN_IN
                    + " if yours lacks it).");
        }
        if (status == 422) {
            return invalid(what, body);
        }
        if (status >= 500) {
            return failure(Kind.UNAVAILABLE, "GitHub failed (HTTP " + status + ") on " + what + said
                    + "; try again later (https://www.githubstatus.com).");
        }
        JsonNode oauthError = body == null ? null : body.get("error");
        if (oauthError != null && oauthError.isTextual()) {
            return deviceFlowError(oauthError.asText(), text(body, "error_description"));
        }
        return failure(Kind.INVALID, "GitHub refused " + what + " (HTTP " + status + ")" + said + ".");
    }

    private Optional<CodeHostException> rateLimited(int status, Map<String, Collection<String>> headers,
                                                    String said) {
        Instant now = clock.instant();
        Optional<String> retryAfter = header(headers, "retry-after");
        Optional<String> remaining = header(headers, "x-ratelimit-remaining");
        Optional<String> reset = header(headers, "x-ratelimit-reset");
        Instant at = null;
        if (retryAfter.isPresent() && isDigits(retryAfter.get())) {
            at = now.plusSeconds(Long.parseLong(retryAfter.get()));
        } else if (remaining.filter("0"::equals).isPresent() && reset.filter(GitHubErrors::isDigits).isPresent()) {
            at = Instant.ofEpochSecond(Long.parseLong(reset.get()));
        } else if (status == 429 || said.toLowerCase(Locale.ROOT).contains("rate limit")) {
            // GitHub's advice for a secondary limit without headers: wait at least a minute
            at = now.plus(DEFAULT_RATE_LIMIT_WAIT);
        }
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(failure(Kind.RATE_LIMITED, "GitHub's rate limit is reached" + said + "; retry at "
                + HH_MM.format(at.atZone(clock.getZone())) + " (" + inHowLong(now, at) + ").", at));
    }

    private CodeHostException forbidden(Map<String, Collection<String>> headers, String what, String said) {
        Optional<String> accepted = header(headers, "x-accepted-oauth-scopes").filter(s -> !s.isBlank());
        Optional<String> granted = header(headers, "x-oauth-scopes");
        String scopes;
        if (accepted.isPresent()) {
            scopes = " It needs a token with one of the scopes " + accepted.get().strip() + " (the token has "
                    + granted.map(String::strip).filter(s -> !s.isEmpty()).orElse("none")
                    + "); sign in again with " + SIGN_IN + " to grant them.";
        } else {
            scopes = " The token may lack the scope or the repository permission this needs; check your access,"
                    + " or sign in again with " + SIGN_IN + ".";
        }
        return failure(Kind.FORBIDDEN, "GitHub refused access to " + what + said + "." + scopes);
    }

    private CodeHostException invalid(String what, JsonNode body) {
        String message = text(body, "message");
        List<String> errors = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode error : list) {
                errors.add(describeError(error));
            }
        }
        StringBuilder text = new StringBuilder("GitHub refused ").append(what);
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        if (!errors.isEmpty()) {
            text.append(" (").append(String.join("; ", errors)).append(')');
        }
        String all = (message + " " + String.join(" ", errors)).toLowerCase(Locale.ROOT);
        if (all.contains("pull request already exists")) {
            text.append(". Update the existing pull request (push to its branch), or push the changes to a new "
                    + "branch and open one from there.");
        } else if (all.contains("head") || all.contains("base")) {
            text.append(". Check that both branches exist on GitHub and that the head branch was pushed.");
        } else {
            text.append('.');
        }
        return failure(Kind.INVALID, text.toString());
    }

    private static String describeError(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        String message = text(error, "message");
        if (!message.isEmpty()) {
            return message;
        }
        String resource = text(error, "resource");
        String field = text(error, "field");
        String code = text(error, "code");
        String where = resource.isEmpty() ? field : field.isEmpty() ? resource : resource + "." + field;
        return (where + " " + code).strip();
    }

    // ---- transport ----------------------------------------------------------------------------------------------

    /** A request that got no HTTP answer (refused, unresolvable, timed out) or an answer that could not be read. */
    CodeHostException fromFeign(FeignException e, String configKey) {
        Request request = e instanceof RetryableException r ? r.request() : e.request();
        String url = request == null ? "GitHub" : request.url();
        if (e instanceof RetryableException && e.status() <= 0) {
            Throwable cause = e.getCause();
            String why;
            if (cause instanceof SocketTimeoutException) {
                String reason = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
                why = reason.contains("connect") ? "the connection timed out" : "GitHub did not answer in time";
            } else if (cause instanceof ConnectException) {
                why = "the connection was refused";
            } else if (cause instanceof UnknownHostException) {
                why = "the host name is unknown";
            } else if (cause instanceof NoRouteToHostException) {
                why = "there is no route to the host";
            } else {
                why = "the connection failed (" + (cause == null ? e.getClass().getSimpleName()
                        : cause.getClass().getSimpleName()) + ")";
            }
            return failure(Kind.UNAVAILABLE, "could not reach GitHub at " + url + ": " + why + ". Check "
                    + configKey + " and the network, then retry.");
        }
        return failure(Kind.UNAVAILABLE, "GitHub's answer from " + url + " could not be read (HTTP "
                + Math.max(e.status(), 0) + "); check " + configKey + " points at GitHub, then retry.");
    }

    // ---- OAuth device flow --------------------------------------------------------------------------------------

    /** A device flow {@code error} code that is not one of the poll's ordinary answers. */
    CodeHostException deviceFlowError(String code, String description) {
        String said = description == null || description.isBlank() ? "" : " (GitHub: " + description.strip() + ")";
        switch (code) {
            case "expired_token":
                return failure(Kind.EXPIRED, "the sign-in code expired" + said + "; start again with " + SIGN_IN
                        + ".");
            case "access_denied":
                return failure(Kind.DENIED, "the sign-in was refused in the browser" + said + "; start again with "
                        + SIGN_IN + " if that was a mistake.");
            case "device_flow_disabled":
                return failure(Kind.INVALID, "the OAuth app does not allow the device flow" + said + ". Enable "
                        + "\"Device Flow\" in the OAuth app's settings on GitHub (Settings > Developer settings > "
                        + "OAuth Apps), or set another app's id with `factory config set github.client-id ID`.");
            case "incorrect_client_credentials":
                return failure(Kind.INVALID, "GitHub does not know the OAuth app's client id" + said + ". Check "
                        + "github.client-id (`factory config set github.client-id ID`).");
            case "incorrect_device_code":
                return failure(Kind.INVALID, "GitHub does not know this sign-in code" + said + "; start again "
                        + "with " + SIGN_IN + ".");
            case "unsupported_grant_type":
                return failure(Kind.INVALID, "GitHub refused the device flow's grant type" + said + "; check "
                        + "github.web-url points at GitHub and report this if it does.");
            default:
                return failure(Kind.INVALID, "GitHub refused the sign-in with '" + code + "'" + said + "; start "
                        + "again with " + SIGN_IN + ".");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** What a request was about, for messages: {@code repository o/r}, {@code pull requests of o/r}. */
    String describe(Request request) {
        if (request == null) {
            return "the resource";
        }
        String path = URI.create(request.url()).getRawPath();
        if (path == null) {
            return "the resource";
        }
        if (path.startsWith("/login/")) {
            return "the device flow sign-in";
        }
        if (!apiPath.isEmpty() && path.startsWith(apiPath)) {
            path = path.substring(apiPath.length());
        }
        if (path.equals("/user")) {
            return "signed-in user";
        }
        Matcher repos = REPOS.matcher(path);
        if (repos.matches()) {
            String repo = repos.group(1) + "/" + repos.group(2);
            String rest = repos.group(3) == null ? "" : repos.group(3);
            if (rest.isEmpty() || rest.equals("/")) {
                return "repository " + repo;
            }
            if (rest.equals("/pulls")) {
                return "pull request in " + repo;
            }
            if (rest.equals("/issues")) {
                return request.httpMethod() == Request.HttpMethod.GET ? "issues of " + repo : "issue in " + repo;
            }
            Matcher labels = Pattern.compile("/issues/(\\d+)/labels").matcher(rest);
            if (labels.matches()) {
                return "labels of #" + labels.group(1) + " in " + repo;
            }
            return "resource " + rest + " in repository " + repo;
        }
        return "resource " + request.httpMethod() + " " + path;
    }

    private JsonNode bodyOf(Response response) {
        try (response) {
            if (response.body() == null) {
                return null;
            }
            try (InputStream in = response.body().asInputStream()) {
                byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
                if (bytes.length == 0) {
                    return null;
                }
                return json.readTree(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** {@code ": GitHub's message"}, or nothing. */
    private static String gitHubSays(JsonNode body) {
        String message = text(body, "message");
        if (message.isEmpty()) {
            message = text(body, "error_description");
        }
        return message.isEmpty() ? "" : " (GitHub: " + message + ")";
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return "";
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    static Optional<String> header(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return Optional.of(String.join(", ", entry.getValue()).strip());
            }
        }
        return Optional.empty();
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String inHowLong(Instant now, Instant at) {
        long seconds = Math.max(0, Duration.between(now, at).getSeconds());
        if (seconds < 60) {
            return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "in " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
