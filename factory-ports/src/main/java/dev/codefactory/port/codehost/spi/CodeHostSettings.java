package dev.codefactory.port.codehost.spi;

import dev.codefactory.port.codehost.HostCall;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to reach the host.
 *
 * @param apiUrl   the REST API base: {@code https://api.github.com}, {@code https://ghe.example.com/api/v3}
 * @param webUrl   the web base, where the device flow lives: {@code https://github.com}
 * @param clientId the OAuth app's client id for the device flow (empty: the device flow is refused, saying so)
 * @param token    the access token, when signed in; {@link #toString()} hides it
 * @param timeout  connect and read timeout of each request
 * @param calls    told of every HTTP request the host makes, once it is answered or failed (the audit log)
 */
public record CodeHostSettings(URI apiUrl, URI webUrl, String clientId, Optional<String> token, Duration timeout,
                               Clock clock, Consumer<HostCall> calls) {
    public CodeHostSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(calls, "calls");
    }

    /** Settings whose requests nobody is told of. */
    public CodeHostSettings(URI apiUrl, URI webUrl, String clientId, Optional<String> token, Duration timeout,
                            Clock clock) {
        this(apiUrl, webUrl, clientId, token, timeout, clock, call -> { });
    }

    @Override
    public String toString() {
        return "CodeHostSettings[apiUrl=" + apiUrl + ", webUrl=" + webUrl + ", clientId=" + clientId + ", token="
                + (token.isPresent() ? "****" : "none") + ", timeout=" + timeout + "]";
    }
}
