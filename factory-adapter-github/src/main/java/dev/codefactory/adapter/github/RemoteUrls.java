package dev.codefactory.adapter.github;

import dev.codefactory.port.codehost.RepositoryRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code owner/repo} from a git remote URL on one host. The URL may hold credentials
 * ({@code https://user:token@github.com/o/r.git}): they are never kept, returned or put in a message.
 */
// implements feature-004/FR-004
final class RemoteUrls {
    /** {@code git@github.com:owner/repo.git}: scp-like, no scheme. */
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/:\\s]+@)?([^@/:\\s]+):(?!//)(.+)$");
    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "git+ssh", "ssh+git");

    private final String host;
    private final String basePath;

    /** For the host of {@code webUrl} ({@code github.com}, a GitHub Enterprise host). */
    RemoteUrls(URI webUrl) {
        this.host = webUrl.getHost() == null ? "" : webUrl.getHost().toLowerCase(Locale.ROOT);
        String path = webUrl.getPath() == null ? "" : webUrl.getPath();
        this.basePath = trimSlashes(path);
    }

    Optional<RepositoryRef> repositoryOf(String remoteUrl) {
        if (remoteUrl == null || remoteUrl.isBlank() || host.isEmpty()) {
            return Optional.empty();
        }
        String url = remoteUrl.strip();
        String urlHost;
        String path;
        if (url.contains("://")) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                return Optional.empty(); // its message would repeat the URL, credentials included
            }
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            urlHost = uri.getHost();
            path = uri.getPath();
        } else {
            Matcher scp = SCP_LIKE.matcher(url);
            if (!scp.matches()) {
                return Optional.empty();
            }
            urlHost = scp.group(1);
            path = scp.group(2);
        }
        if (urlHost == null || !urlHost.toLowerCase(Locale.ROOT).equals(host) || path == null) {
            return Optional.empty();
        }
        path = trimSlashes(path);
        if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
            path = path.substring(basePath.length() + 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        String[] parts = path.split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RepositoryRef(parts[0], parts[1]));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
