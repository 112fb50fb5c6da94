package dev.codefactory.port.change;

import java.util.List;
import java.util.Optional;

/**
 * The record of change orders, {@code .factory/changes/<id>.json}: each replaced atomically when saved, in a folder
 * git ignores (the folder carries its own {@code .gitignore}), so that restoring a snapshot never removes it. A
 * record that cannot be read is reported with its file, never skipped silently.
 */
public interface ChangeJournal {

    /**
     * Writes the record, replacing the one with the same id; returns its path relative to the project root. Ids are
     * {@code [a-z0-9][a-z0-9-]{0,63}}; any other is an {@link IllegalArgumentException}.
     */
    String save(ChangeRecord record);

    /** The record with this id, or empty. */
    Optional<ChangeRecord> find(String id);

    /** Every record, the newest ({@link ChangeRecord#created()}) first. */
    List<ChangeRecord> list();

    /**
     * Marks change {@code id} as worked on by this process until the claim is closed. {@link #find} and
     * {@link #list} report a record saved as {@link ChangeRecord.Status#STARTED} as such only while a live process
     * claims it; otherwise (the process was killed or crashed, or the claim was closed without finishing the
     * record) as {@link ChangeRecord.Status#INTERRUPTED}.
     */
    Claim claim(String id);

    /** A change being worked on; closing it ends the claim. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }
}
