package dev.codefactory.port.intake;

import dev.codefactory.domain.intake.IntakeDraft;
import java.util.List;
import java.util.Optional;

/**
 * Where unfinished intakes are kept so that no work is lost: {@code .factory/drafts/<id>.json}, written atomically at
 * every step. A draft that cannot be read is reported with its file, never silently dropped or overwritten.
 */
public interface DraftStore {

    /** Writes the draft (replacing the previous version of the same id) atomically; returns its path. */
    String save(IntakeDraft draft);

    /** The draft with this id, or empty. */
    Optional<IntakeDraft> load(String id);

    /** Every draft, newest update first. */
    List<IntakeDraft> list();

    /** Removes the draft; false when there was none. */
    boolean delete(String id);

    /** Where a draft with this id is (or would be) kept, relative to the project root. */
    String pathOf(String id);
}
