package dev.codefactory.port.codehost;

import dev.codefactory.domain.FactoryException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The code host refused or failed a request. {@link #kind()} tells a program what happened; the message tells a
 * person what to do. Never holds a token.
 */
public class CodeHostException extends FactoryException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for programs. */
    public enum Kind {
        /** No token, or the token was rejected (401): sign in again. */
        UNAUTHORIZED,
        /** The token lacks a permission or scope (403 without a rate limit). */
        FORBIDDEN,
        /** Rate or abuse limit: {@link #retryAt()} says when to retry. */
        RATE_LIMITED,
        /** No such repository, user or resource (404). */
        NOT_FOUND,
        /** The request was refused as invalid (422: a pull request that exists already, a bad branch). */
        INVALID,
        /** The host failed or could not be reached. */
        UNAVAILABLE,
        /** The device flow's code expired. */
        EXPIRED,
        /** The person refused the device flow authorization. */
        DENIED
    }

    private final Kind kind;
    private final transient Instant retryAt;

    public CodeHostException(Kind kind, String message, Instant retryAt) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAt = retryAt;
    }

    public Kind kind() {
        return kind;
    }

    /** When a rate limit resets, when the host said so. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
