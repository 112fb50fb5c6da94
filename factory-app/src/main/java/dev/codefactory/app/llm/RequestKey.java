package dev.codefactory.app.llm;

import dev.codefactory.port.llm.ChatMessage;
import dev.codefactory.port.llm.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/** The SHA-256 of everything that shapes an answer: provider, model, messages, sampling and options. */
final class RequestKey {
    private RequestKey() {
    }

    static String of(String providerId, GenerationRequest request) {
        StringBuilder canonical = new StringBuilder();
        part(canonical, providerId);
        part(canonical, request.model());
        for (ChatMessage m : request.messages()) {
            part(canonical, m.role().name());
            part(canonical, m.content());
        }
        part(canonical, String.valueOf(request.temperature()));
        part(canonical, String.valueOf(request.maxTokens()));
        request.stop().forEach(s -> part(canonical, s));
        for (Map.Entry<String, Object> e : new TreeMap<>(request.options()).entrySet()) {
            part(canonical, e.getKey());
            part(canonical, String.valueOf(e.getValue()));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Length-prefixed, so that no two different requests give the same text. */
    private static void part(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(';');
    }

    static long characters(GenerationRequest request) {
        return request.messages().stream().mapToLong(m -> m.content().length()).sum();
    }
}
