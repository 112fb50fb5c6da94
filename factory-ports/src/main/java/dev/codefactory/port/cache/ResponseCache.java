package dev.codefactory.port.cache;

import java.util.Optional;

/**
 * Model answers kept under {@code .factory/cache/}, keyed by a hash of provider, model and the whole request. Keys
 * are lowercase hex; a corrupt or unreadable entry is a miss, never an error.
 */
public interface ResponseCache {

    Optional<CachedResponse> get(String key);

    /** Stores an answer; a failure to store is ignored (the cache is an optimisation). */
    void put(String key, CachedResponse response);
}
