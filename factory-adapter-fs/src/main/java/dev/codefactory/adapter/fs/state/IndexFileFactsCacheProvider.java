package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.cache.spi.FileFactsCacheProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link FileFactsCache} "file": a review's facts of each file in one index file under .factory/cache/. */
// implements feature-013/NFR-002
public final class IndexFileFactsCacheProvider implements FileFactsCacheProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public IndexFileFactsCacheProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public FileFactsCache create(ProjectContext context) {
        return new IndexFileFactsCache(context);
    }
}
