package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.spi.ChangeJournalProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link ChangeJournal} "file": change order records as JSON under .factory/changes/. */
public final class FileChangeJournalProvider implements ChangeJournalProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public FileChangeJournalProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public ChangeJournal create(ProjectContext context) {
        return new FileChangeJournal(context);
    }
}
