package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.adopt.spi.AdoptionStoreProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link AdoptionStore} "file": unfinished adoptions as JSON under .factory/drafts/adopt/. */
public final class FileAdoptionStoreProvider implements AdoptionStoreProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public FileAdoptionStoreProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public AdoptionStore create(ProjectContext context) {
        return new FileAdoptionStore(context);
    }
}
