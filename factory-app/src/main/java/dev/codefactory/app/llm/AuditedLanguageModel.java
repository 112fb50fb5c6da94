package dev.codefactory.app.llm;

import dev.codefactory.port.audit.AuditEntry;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.TransientLanguageModelException;
import dev.codefactory.port.llm.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records every call of the model it wraps in the audit log: one entry a call, however it ends. The prompt is kept
 * only when {@code fullPrompts} is on; secrets never pass through here (they live in the provider's settings).
 */
// implements feature-003/FR-006
public final class AuditedLanguageModel implements LanguageModel {
    private final LanguageModel delegate;
    private final AuditLog log;
    private final Clock clock;
    private final String mode;
    private final boolean fullPrompts;

    public AuditedLanguageModel(LanguageModel delegate, AuditLog log, Clock clock, String mode, boolean fullPrompts) {
        this.delegate = delegate;
        this.log = log;
        this.clock = clock;
        this.mode = mode;
        this.fullPrompts = fullPrompts;
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        Instant start = clock.instant();
        try {
            Generation g = delegate.generate(request);
            record(request, start, null, g.model(), g.usage(), "ok");
            return g;
        } catch (LanguageModelException e) {
            record(request, start, null, request.model(), Usage.UNKNOWN, outcome(e));
            throw e;
        }
    }

    @Override
    public StreamHandle stream(GenerationRequest request, StreamListener listener) {
        Instant start = clock.instant();
        return delegate.stream(request, new StreamListener() {
            private Instant firstToken;

            @Override
            public void onToken(String token) {
                if (firstToken == null) {
                    firstToken = clock.instant();
                }
                listener.onToken(token);
            }

            @Override
            public void onComplete(Generation g) {
                record(request, start, firstToken, g.model(), g.usage(),
                        g.finishReason() == FinishReason.CANCELLED ? "cancelled" : "ok");
                listener.onComplete(g);
            }

            @Override
            public void onError(LanguageModelException error) {
                record(request, start, firstToken, request.model(), Usage.UNKNOWN, outcome(error));
                listener.onError(error);
            }
        });
    }

    @Override
    public List<ModelInfo> listModels() {
        return delegate.listModels();
    }

    private void record(GenerationRequest request, Instant start, Instant firstToken, String model, Usage usage,
                        String outcome) {
        Instant end = clock.instant();
        String prompt = fullPrompts ? request.messages().stream()
                .map(m -> m.role().name().toLowerCase(java.util.Locale.ROOT) + ": " + m.content())
                .collect(Collectors.joining("\n")) : null;
        log.append(new AuditEntry(end, mode, delegate.providerId(), model.isEmpty() ? "default" : model,
                RequestKey.of(delegate.providerId(), request), RequestKey.characters(request), usage.inputTokens(),
                usage.outputTokens(), firstToken == null ? null : Duration.between(start, firstToken),
                Duration.between(start, end), outcome, prompt));
    }

    private static String outcome(LanguageModelException e) {
        return e instanceof TransientLanguageModelException ? "transient-error" : "permanent-error";
    }
}
