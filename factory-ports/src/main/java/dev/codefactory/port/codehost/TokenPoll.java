package dev.codefactory.port.codehost;

import java.time.Duration;
import java.util.Objects;

/** One answer while polling the device flow. */
public sealed interface TokenPoll {

    /** The person has not entered the code yet: wait the interval and ask again. */
    record Pending() implements TokenPoll {
    }

    /** Polled too often: wait {@code interval} (the new, longer one) from now on. */
    record SlowDown(Duration interval) implements TokenPoll {
        public SlowDown {
            Objects.requireNonNull(interval, "interval");
        }
    }

    /**
     * Signed in.
     *
     * @param token  the access token; {@link #toString()} hides it
     * @param scopes the scopes granted, as the host lists them
     */
    record Granted(String token, String scopes) implements TokenPoll {
        public Granted {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(scopes, "scopes");
        }

        @Override
        public String toString() {
            return "Granted[token=****, scopes=" + scopes + "]";
        }
    }

    /** The code expired before it was entered: start again. */
    record Expired() implements TokenPoll {
    }

    /** The person refused the authorization. */
    record Denied() implements TokenPoll {
    }
}
