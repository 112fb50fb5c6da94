package dev.codefactory.app.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.testkit.llm.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StoppableLanguageModelTest {
    private static final java.util.concurrent.ThreadFactory DAEMONS = task -> {
        Thread t = new Thread(task, task.toString());
        t.setDaemon(true);
        return t;
    };

    /** A provider whose calls last until they are interrupted or cancelled, telling which. */
    static final class Slow implements LanguageModel {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public String providerId() {
            return "slow";
        }

        @Override
        public Generation generate(GenerationRequest request) {
            started.countDown();
            try {
                Thread.sleep(60_000); // a model that takes a minute: the stop must not wait for it
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return new Generation("late", "m", FinishReason.STOP, Usage.UNKNOWN);
        }

        @Override
        public StreamHandle stream(GenerationRequest request, StreamListener listener) {
            return new StreamHandle() {
                @Override
                public void cancel() {
                    cancelled.set(true);
                }

                @Override
                public boolean isDone() {
                    return cancelled.get();
                }
            };
        }

        @Override
        public List<ModelInfo> listModels() {
            return List.of();
        }
    }

    @Test
    void a_stop_during_a_call_interrupts_it_and_throws_at_once() throws Exception {
        Slow slow = new Slow();
        AtomicBoolean stop = new AtomicBoolean();
        StoppableLanguageModel model = new StoppableLanguageModel(slow, stop::get, DAEMONS);
        new Thread(() -> {
            try {
                slow.started.await(); // the stop comes during the call
            } catch (InterruptedException ignored) {
                // the test ends anyway
            }
            stop.set(true);
        }).start();
        long started = System.nanoTime();
        assertThrows(StopRequestedException.class, () -> model.generate(GenerationRequest.of("s", "u")));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < 5000, "stopped after " + millis + " ms");
        assertTrue(slow.interrupted.await(5, TimeUnit.SECONDS), "the call itself was interrupted (its exchange aborted)");
    }

    @Test
    void a_stop_cancels_a_stream_and_no_call_starts_once_stopped() throws Exception {
        Slow slow = new Slow();
        AtomicBoolean stop = new AtomicBoolean();
        StoppableLanguageModel model = new StoppableLanguageModel(slow, stop::get, DAEMONS);
        model.stream(GenerationRequest.of("s", "u"), null);
        stop.set(true);
        assertTrue(Await.until(slow.cancelled::get, Duration.ofSeconds(5)), "the stream was cancelled");
        assertThrows(StopRequestedException.class, () -> model.generate(GenerationRequest.of("s", "u")));
        assertEquals(1, slow.interrupted.getCount(), "no call was made after the stop");
    }
}
