package dev.codefactory.adapter.github;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import dev.codefactory.testsupport.FakeGitHub;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Settings and hosts for tests: a fixed clock, a token that does not look like a GitHub token (masked by value). */
final class Hosts {
    static final String TOKEN = "s3cret-T0KEN-value-4711";
    static final String CLIENT_ID = "Iv1.clientid0001";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /**
     * The timeout of a test that is not about time: far longer than the fake takes to answer, even on a loaded
     * machine, so it never decides a test; only a hang waits for it.
     */
    static final Duration PATIENT = Duration.ofSeconds(60);

    private Hosts() {
    }

    /** github.com's shape on the fake: the API at the root, the web at the root. */
    static CodeHost on(FakeGitHub fake) {
        return create(fake.base(), fake.base(), Optional.of(TOKEN), PATIENT);
    }

    static CodeHost withoutToken(FakeGitHub fake) {
        return create(fake.base(), fake.base(), Optional.empty(), PATIENT);
    }

    static CodeHost create(URI api, URI web, Optional<String> token, Duration timeout) {
        return new GitHubCodeHostProvider().create(new CodeHostSettings(api, web, CLIENT_ID, token, timeout, CLOCK));
    }
}
