package dev.codefactory.app.llm;

import dev.codefactory.port.cache.CachedResponse;
import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Answers a request from the response cache when the same request (provider, model, messages, options) was answered
 * within the time to live; otherwise asks the model and keeps complete answers. A cancelled, failed or cut answer is
 * never kept. Cache hits do not reach the model, so they are not audited as calls.
 */
public final class CachingLanguageModel implements LanguageModel {
    private final LanguageModel delegate;
    private final ResponseCache cache;
    private final Clock clock;
    private final Duration ttl;
    private final String configuredModel;

    public CachingLanguageModel(LanguageModel delegate, ResponseCache cache, Clock clock, Duration ttl) {
        this(delegate, cache, clock, ttl, "");
    }

    /**
     * @param configuredModel the model the wrapped one was configured with, which answers a request that names
     *                        none: part of the key, so that another configured model is asked again
     */
    public CachingLanguageModel(LanguageModel delegate, ResponseCache cache, Clock clock, Duration ttl,
                                String configuredModel) {
        this.delegate = delegate;
        this.cache = cache;
        this.clock = clock;
        this.ttl = ttl;
        this.configuredModel = configuredModel;
    }

    private String keyOf(GenerationRequest request) {
        GenerationRequest keyed = request.model().isBlank() && !configuredModel.isBlank()
                ? new GenerationRequest(configuredModel, request.messages(), request.temperature(),
                        request.maxTokens(), request.stop(), request.options())
                : request;
        return RequestKey.of(delegate.providerId(), keyed);
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        String key = keyOf(request);
        Optional<Generation> hit = fresh(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        Generation g = delegate.generate(request);
        keep(key, g);
        return g;
    }

    @Override
    public StreamHandle stream(GenerationRequest request, StreamListener listener) {
        String key = keyOf(request);
        Optional<Generation> hit = fresh(key);
        if (hit.isPresent()) {
            if (!hit.get().text().isEmpty()) {
                listener.onToken(hit.get().text());
            }
            listener.onComplete(hit.get());
            return Finished.HANDLE;
        }
        return delegate.stream(request, new StreamListener() {
            @Override
            public void onToken(String token) {
                listener.onToken(token);
            }

            @Override
            public void onComplete(Generation generation) {
                keep(key, generation);
                listener.onComplete(generation);
            }

            @Override
            public void onError(LanguageModelException error) {
                listener.onError(error);
            }
        });
    }

    @Override
    public List<ModelInfo> listModels() {
        return delegate.listModels();
    }

    private Optional<Generation> fresh(String key) {
        return cache.get(key).filter(c -> !c.stored().plus(ttl).isBefore(clock.instant()))
                .map(CachedResponse::generation);
    }

    private void keep(String key, Generation g) {
        if (g.finishReason() == FinishReason.STOP || g.finishReason() == FinishReason.LENGTH) {
            cache.put(key, new CachedResponse(g, clock.instant()));
        }
    }

    /** The handle of an answer that was complete before it was returned. */
    private enum Finished implements StreamHandle {
        HANDLE;

        @Override
        public void cancel() {
            // nothing runs
        }

        @Override
        public boolean isDone() {
            return true;
        }
    }
}
