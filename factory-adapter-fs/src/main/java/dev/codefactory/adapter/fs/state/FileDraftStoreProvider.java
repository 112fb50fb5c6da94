package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.intake.spi.DraftStoreProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link DraftStore} "file": unfinished intakes as JSON under .factory/drafts/. */
public final class FileDraftStoreProvider implements DraftStoreProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public FileDraftStoreProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public DraftStore create(ProjectContext context) {
        return new FileDraftStore(context);
    }
}
