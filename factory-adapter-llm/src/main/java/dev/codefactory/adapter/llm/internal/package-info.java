/**
 * The seam the language model providers share, and the only package they may all depend on: the HTTP engine
 * ({@link dev.codefactory.adapter.llm.internal.HttpLanguageModel}: retries, the three timeouts, streams with a
 * cancel handle), the SSE and NDJSON parsers, the status-to-exception mapper
 * ({@link dev.codefactory.adapter.llm.internal.Failures}) and masked debug logging. Public for the providers' sake,
 * not an API: nothing outside {@code dev.codefactory.adapter.llm} should use it.
 */
package dev.codefactory.adapter.llm.internal;
