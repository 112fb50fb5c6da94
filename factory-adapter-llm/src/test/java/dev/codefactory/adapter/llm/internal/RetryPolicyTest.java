package dev.codefactory.adapter.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// covers feature-003/FR-002
class RetryPolicyTest {
    private final RetryPolicy noJitter = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(350),
            Duration.ofSeconds(60), () -> 1.0);

    @Test
    void backs_off_exponentially_up_to_the_cap() {
        assertEquals(Optional.of(Duration.ofMillis(100)), noJitter.delayAfter(1, Optional.empty()));
        assertEquals(Optional.of(Duration.ofMillis(200)), noJitter.delayAfter(2, Optional.empty()));
        assertEquals(Optional.of(Duration.ofMillis(350)), noJitter.delayAfter(3, Optional.empty()));
    }

    @Test
    void stops_after_the_last_attempt() {
        assertEquals(Optional.empty(), noJitter.delayAfter(4, Optional.empty()));
        assertEquals(Optional.empty(), RetryPolicy.DEFAULT.withMaxAttempts(1).delayAfter(1, Optional.empty()));
    }

    @Test
    void jitter_keeps_at_least_half_the_delay() {
        RetryPolicy zero = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60),
                () -> 0.0);
        assertEquals(Optional.of(Duration.ofMillis(100)), zero.delayAfter(2, Optional.empty()));
        long many = RetryPolicy.DEFAULT.delayAfter(1, Optional.empty()).orElseThrow().toMillis();
        assertTrue(many >= 250 && many <= 500, "delay " + many);
    }

    @Test
    void honours_retry_after_unless_it_is_too_long() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), noJitter.delayAfter(1, Optional.of(Duration.ofSeconds(3))));
        assertEquals(Optional.empty(), noJitter.delayAfter(1, Optional.of(Duration.ofMinutes(5))));
    }
}
