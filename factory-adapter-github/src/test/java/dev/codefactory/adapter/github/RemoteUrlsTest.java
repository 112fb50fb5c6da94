package dev.codefactory.adapter.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.port.codehost.RepositoryRef;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-004/FR-004
class RemoteUrlsTest {
    private static final Optional<RepositoryRef> ACME_ROCKET = Optional.of(new RepositoryRef("acme", "rocket.js"));
    private final RemoteUrls github = new RemoteUrls(URI.create("https://github.com"));
    private final RemoteUrls enterprise = new RemoteUrls(URI.create("http://127.0.0.1:8443/"));

    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/acme/rocket.js.git",
        "https://github.com/acme/rocket.js",
        "https://github.com/acme/rocket.js/",
        "https://github.com/acme/rocket.js.git/",
        "http://github.com/acme/rocket.js.git",
        "https://GitHub.com/acme/rocket.js.git",
        "https://x-access-token:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/rocket.js.git",
        "https://someone@github.com/acme/rocket.js",
        "ssh://git@github.com/acme/rocket.js.git",
        "ssh://git@github.com:22/acme/rocket.js",
        "git@github.com:acme/rocket.js.git",
        "git@github.com:acme/rocket.js",
        "git@github.com:/acme/rocket.js.git",
        "  git@github.com:acme/rocket.js.git\n",
    })
    void reads_owner_and_repo_from_every_remote_shape_on_github(String url) {
        assertEquals(ACME_ROCKET, github.repositoryOf(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1:8443/acme/rocket.js.git",
        "http://127.0.0.1:8443/acme/rocket.js",
        "ssh://git@127.0.0.1:2222/acme/rocket.js.git",
        "git@127.0.0.1:acme/rocket.js.git",
    })
    void reads_owner_and_repo_on_an_enterprise_host(String url) {
        assertEquals(ACME_ROCKET, enterprise.repositoryOf(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://gitlab.com/acme/rocket.js.git",
        "git@gitlab.com:acme/rocket.js.git",
        "ssh://git@bitbucket.org/acme/rocket.js",
        "https://github.com.evil.example/acme/rocket.js",
        "https://github.com/acme",
        "https://github.com/acme/rocket.js/tree/main",
        "https://github.com/acme/..",
        "ftp://github.com/acme/rocket.js",
        "file:///home/me/rocket.js",
        "/home/me/rocket.js",
        "",
        "https://user:pa ss@github.com/acme/rocket.js",
    })
    void is_empty_for_another_host_or_not_a_repository(String url) {
        assertEquals(Optional.empty(), github.repositoryOf(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/acme/rocket.js.git", "git@github.com:acme/rocket.js.git"})
    void enterprise_host_does_not_claim_github_com_remotes(String url) {
        assertEquals(Optional.empty(), enterprise.repositoryOf(url));
    }
}
