package dev.codefactory.app.llm;

import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A model call that ends as soon as the person asks to stop: {@link #generate} waits for the answer on another thread
 * and, when {@code stop} turns true, interrupts that thread (which aborts the HTTP exchange and closes its connection)
 * and throws {@link StopRequestedException}; {@link #stream} cancels the stream (a stopped stream completes as
 * cancelled, and the caller sees the stop through {@link #stopped}). {@code stop} is looked at every
 * {@value #POLL_MILLIS} ms. Its threads come from the {@link ThreadFactory} it is given; each task it hands over names
 * itself in {@code toString()} ({@code codefactory-model-call}, {@code codefactory-model-stop}).
 */
public final class StoppableLanguageModel implements LanguageModel {
    static final long POLL_MILLIS = 50;
    private final LanguageModel delegate;
    private final BooleanSupplier stop;
    private final ThreadFactory threads;

    /** @param threads makes the thread that waits for an answer and the one that watches a stream for a stop */
    public StoppableLanguageModel(LanguageModel delegate, BooleanSupplier stop, ThreadFactory threads) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** A task that names itself, so that a thread factory can name its thread after it. */
    private record Task(String name, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    /** Whether the person asked to stop. */
    public boolean stopped() {
        return stop.getAsBoolean();
    }

    /** Throws {@link StopRequestedException} when the person asked to stop. */
    public void checkStop(String during) {
        if (stopped()) {
            throw new StopRequestedException("stopped " + during);
        }
    }

    @Override
    public Generation generate(GenerationRequest request) {
        checkStop("before asking the model");
        AtomicReference<Generation> answer = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread call = threads.newThread(new Task("codefactory-model-call", () -> {
            try {
                answer.set(delegate.generate(request));
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        }));
        call.start();
        try {
            while (!done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped()) {
                    call.interrupt(); // aborts the exchange: the connection is closed
                    done.await(2, TimeUnit.SECONDS);
                    throw new StopRequestedException("stopped while the model was answering");
                }
            }
        } catch (InterruptedException e) {
            call.interrupt();
            Thread.currentThread().interrupt();
            throw new StopRequestedException("stopped while the model was answering");
        }
        if (failure.get() != null) {
            if (stopped() && failure.get() instanceof LanguageModelException) {
                throw new StopRequestedException("stopped while the model was answering");
            }
            throw failure.get();
        }
        return answer.get();
    }

    @Override
    public StreamHandle stream(GenerationRequest request, StreamListener listener) {
        checkStop("before asking the model");
        StreamHandle handle = delegate.stream(request, listener);
        Thread watch = threads.newThread(new Task("codefactory-model-stop", () -> {
            try {
                while (!handle.isDone()) {
                    if (stopped()) {
                        handle.cancel();
                        return;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        watch.start();
        return handle;
    }

    @Override
    public List<ModelInfo> listModels() {
        return delegate.listModels();
    }

    @Override
    public String toString() {
        return "StoppableLanguageModel[" + delegate + "]";
    }
}
