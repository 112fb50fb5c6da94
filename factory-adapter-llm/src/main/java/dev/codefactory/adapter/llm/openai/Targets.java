package dev.codefactory.adapter.llm.openai;

import feign.RequestInterceptor;
import java.net.URI;

/** Binds a Feign interface to an address: the model's {@code target}, handed to a {@link Flavour}. */
@FunctionalInterface
interface Targets {
    <T> T target(Class<T> api, URI base, RequestInterceptor headers);
}
