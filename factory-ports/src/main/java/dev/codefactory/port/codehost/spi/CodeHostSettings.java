package dev.codefactory.port.codehost.spi;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the host.
 *
 * @param apiUrl   the REST API base: {@code https://api.github.com}, {@code https://ghe.example.com/api/v3}
 * @param webUrl   the web base, where the device flow lives: {@code https://github.com}
 * @param clientId the OAuth app's client id for the device flow (empty: the device flow is refused, saying so)
 * @param token    the access token, when signed in; {@link #toString()} hides it
 * @param timeout  connect and read timeout of each request
 */
public record CodeHostSettings(URI apiUrl, URI webUrl, String clientId, Optional<String> token, Duration timeout,
                               Clock clock) {
    public CodeHostSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String toString() {
        return "CodeHostSettings[apiUrl=" + apiUrl + ", webUrl=" + webUrl + ", clientId=" + clientId + ", token="
                + (token.isPresent() ? "****" : "none") + ", timeout=" + timeout + "]";
    }
}
