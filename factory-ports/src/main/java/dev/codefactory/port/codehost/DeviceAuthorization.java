package dev.codefactory.port.codehost;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A started device flow.
 *
 * @param deviceCode      secret to this program: never shown, never logged ({@link #toString()} hides it)
 * @param userCode        what the person types: {@code WDJB-MJHT}
 * @param verificationUri where they type it: {@code https://github.com/login/device}
 * @param expiresAt       after this the code is dead and the flow must start again
 * @param interval        the least time between two polls
 */
public record DeviceAuthorization(String deviceCode, String userCode, String verificationUri, Instant expiresAt,
                                  Duration interval) {
    public DeviceAuthorization {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUri, "verificationUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(interval, "interval");
    }

    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + ", expiresAt="
                + expiresAt + ", interval=" + interval + ", deviceCode=****]";
    }
}
