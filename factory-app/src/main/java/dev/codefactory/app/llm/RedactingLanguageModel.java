package dev.codefactory.app.llm;

import dev.codefactory.domain.review.SecretMask;
import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model that never sees a secret: every message of every request goes through one {@link SecretMask} first (the
 * rules of {@code Secrets}, as REVIEW's redaction), so the audit log, the cache and the provider all get
 * {@code [REDACTED:kind#n]} instead. Answers are passed on as they come; {@link #restore} puts the secrets back into
 * the parts of an answer that must quote the project exactly (a change order's edits), and nothing else should.
 */
// implements feature-007/FR-014
public final class RedactingLanguageModel implements LanguageModel {
    private final LanguageModel delegate;
    private final SecretMask mask = new SecretMask();

    public RedactingLanguageModel(LanguageModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        return delegate.generate(masked(request));
    }

    @Override
    public StreamHandle stream(GenerationRequest request, StreamListener listener) {
        return delegate.stream(masked(request), listener);
    }

    @Override
    public List<ModelInfo> listModels() {
        return delegate.listModels();
    }

    /** {@code answer} with the markers this model's requests carried replaced by the secrets they stand for. */
    public String restore(String answer) {
        return mask.unmask(answer);
    }

    /** How many distinct secrets were kept from the model so far. */
    public int redactedSecrets() {
        return mask.size();
    }

    private GenerationRequest masked(GenerationRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (ChatMessage m : request.messages()) {
            messages.add(new ChatMessage(m.role(), mask.mask(m.content())));
        }
        return new GenerationRequest(request.model(), messages, request.temperature(), request.maxTokens(),
                request.stop(), request.options());
    }

    @Override
    public String toString() {
        return "RedactingLanguageModel[" + delegate + ", " + mask + "]";
    }
}
