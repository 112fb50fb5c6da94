package dev.codefactory.app.llm;

import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.TransientLanguageModelException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider's model whose calls pass the {@link ModelCallGate} of their {@code CodeFactory}, so that at most
 * {@code llm.max-concurrency} of them are sent at a time. {@link #generate} and {@link #listModels} hold their permit
 * for the call; {@link #stream} waits for one before the stream starts and holds it until the listener is told the
 * stream ended (completed, cancelled or failed), giving it back before the listener hears of it, so that a listener
 * may ask again at once. A caller interrupted while it waits gets a {@link TransientLanguageModelException}, with
 * its interrupt kept. {@link LanguageModels} puts it right around the provider's model: answers from the cache do
 * not wait, and the audit log's durations do not count the wait.
 */
final class GatedLanguageModel implements LanguageModel {
    private final LanguageModel delegate;
    private final ModelCallGate gate;

    GatedLanguageModel(LanguageModel delegate, ModelCallGate gate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        enter();
        try {
            return delegate.generate(request);
        } finally {
            gate.leave();
        }
    }

    @Override
    public StreamHandle stream(GenerationRequest request, StreamListener listener) {
        Objects.requireNonNull(listener, "listener");
        enter();
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (held.compareAndSet(true, false)) {
                gate.leave();
            }
        };
        try {
            return delegate.stream(request, new StreamListener() {
                @Override
                public void onToken(String token) {
                    listener.onToken(token);
                }

                @Override
                public void onComplete(Generation generation) {
                    leave.run();
                    listener.onComplete(generation);
                }

                @Override
                public void onError(LanguageModelException error) {
                    leave.run();
                    listener.onError(error);
                }
            });
        } catch (RuntimeException | Error e) { // the stream never started: nobody will tell the listener
            leave.run();
            throw e;
        }
    }

    @Override
    public List<ModelInfo> listModels() {
        enter();
        try {
            return delegate.listModels();
        } finally {
            gate.leave();
        }
    }

    private void enter() {
        try {
            gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientLanguageModelException(delegate.providerId(), "interrupted while waiting for a free"
                    + " model call (llm.max-concurrency is " + gate.limit() + ")", null, e);
        }
    }

    @Override
    public String toString() {
        return "GatedLanguageModel[" + gate.limit() + ", " + delegate + "]";
    }
}
