package dev.codefactory.testkit.llm;

import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.StreamListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what a stream told it, for tests. */
public final class RecordingListener implements StreamListener {
    public final List<String> tokens = new CopyOnWriteArrayList<>();
    public final List<Generation> completions = new CopyOnWriteArrayList<>();
    public final List<LanguageModelException> errors = new CopyOnWriteArrayList<>();
    public final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstToken = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onToken(String token) {
        tokens.add(token);
        firstToken.countDown();
    }

    @Override
    public void onComplete(Generation generation) {
        completions.add(generation);
        ended.countDown();
    }

    @Override
    public void onError(LanguageModelException error) {
        errors.add(error);
        ended.countDown();
    }

    public boolean awaitFirstToken(Duration timeout) throws InterruptedException {
        return firstToken.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Total calls to onComplete and onError: exactly one when the stream is over. */
    public int endings() {
        return completions.size() + errors.size();
    }
}
