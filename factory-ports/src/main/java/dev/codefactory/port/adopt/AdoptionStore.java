package dev.codefactory.port.adopt;

import dev.codefactory.domain.adopt.AdoptionDraft;
import java.util.List;
import java.util.Optional;

/**
 * Where unfinished adoptions are kept: {@code .factory/drafts/adopt/<id>.json}, written atomically at every step
 * (feature-011, FR-009). A draft that cannot be read is reported with its file, never silently dropped.
 */
public interface AdoptionStore {

    /** Writes the draft (replacing the previous version of the same id) atomically; returns its path. */
    String save(AdoptionDraft draft);

    /** The draft with this id, or empty. */
    Optional<AdoptionDraft> load(String id);

    /** Every draft, newest update first. */
    List<AdoptionDraft> list();

    /** Removes the draft; false when there was none. */
    boolean delete(String id);

    /** Where a draft with this id is (or would be) kept, relative to the project root. */
    String pathOf(String id);
}
