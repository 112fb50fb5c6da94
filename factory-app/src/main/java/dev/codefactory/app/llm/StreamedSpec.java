package dev.codefactory.app.llm;

import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.intake.ModelMarkdownStream;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A spec the model writes, streamed: the person is shown it cleaned as it arrives ({@link ModelMarkdownStream}: never
 * the model's chatter, fences or front matter), and a stop request cancels the call at once. Intake and adoption
 * write their specs through it.
 */
// implements feature-005/FR-003
public final class StreamedSpec {
    private StreamedSpec() {
    }

    /**
     * The whole answer to {@code request}, its cleaned text given to {@code shown} piece by piece.
     *
     * @throws StopRequestedException when {@code stopRequested} became true (the call is cancelled) or the thread was
     *         interrupted
     * @throws LanguageModelException when the model failed
     */
    public static Generation write(LanguageModel model, GenerationRequest request, Consumer<String> shown,
                                   BooleanSupplier stopRequested) {
        CountDownLatch done = new CountDownLatch(1);
        Generation[] result = new Generation[1];
        LanguageModelException[] failure = new LanguageModelException[1];
        ModelMarkdownStream spec = new ModelMarkdownStream();
        StreamListener listener = new StreamListener() {
            @Override
            public void onToken(String token) {
                if (!stopRequested.getAsBoolean()) {
                    String text = spec.feed(token);
                    if (!text.isEmpty()) {
                        shown.accept(text);
                    }
                }
            }

            @Override
            public void onComplete(Generation generation) {
                result[0] = generation;
                done.countDown();
            }

            @Override
            public void onError(LanguageModelException error) {
                failure[0] = error;
                done.countDown();
            }
        };
        StreamHandle handle = model.stream(request, listener);
        try {
            while (!done.await(50, TimeUnit.MILLISECONDS)) {
                if (stopRequested.getAsBoolean()) {
                    handle.cancel();
                    break;
                }
            }
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new StopRequestedException("interrupted while the spec was being written");
        }
        if (stopRequested.getAsBoolean()) {
            throw new StopRequestedException("stopped while the spec was being written");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        String rest = spec.finish();
        if (!rest.isEmpty()) {
            shown.accept(rest);
        }
        return result[0];
    }
}
