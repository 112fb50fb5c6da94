package dev.codefactory.port.llm;

import java.util.List;

/**
 * A language model behind some provider's API. Failures are
 * {@link dev.codefactory.port.llm.TransientLanguageModelException} or
 * {@link dev.codefactory.port.llm.PermanentLanguageModelException}, with messages that name the provider and say
 * what to do.
 */
public interface LanguageModel {

    /** The id of the provider that made this model, as {@code factory models --providers} lists it. */
    String providerId();

    /** Generates a whole answer, blocking. */
    Generation generate(GenerationRequest request);

    /** Starts a streamed generation and returns at once; the listener hears the tokens. */
    StreamHandle stream(GenerationRequest request, StreamListener listener);

    /** The models this provider offers to this configuration. */
    List<ModelInfo> listModels();
}
