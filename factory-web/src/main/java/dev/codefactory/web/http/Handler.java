package dev.codefactory.web.http;

/** Answers one request. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
