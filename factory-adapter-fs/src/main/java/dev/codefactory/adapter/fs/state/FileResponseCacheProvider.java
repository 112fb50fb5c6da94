package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.cache.spi.ResponseCacheProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link ResponseCache} "file": model answers as files under .factory/cache/. */
public final class FileResponseCacheProvider implements ResponseCacheProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public FileResponseCacheProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public ResponseCache create(ProjectContext context) {
        return new FileResponseCache(context);
    }
}
