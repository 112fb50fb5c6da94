package dev.codefactory.adapter.fs.state;

import dev.codefactory.domain.adopt.AdoptionDraft;
import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.spi.ProjectContext;

/**
 * Unfinished adoptions as {@code .factory/drafts/adopt/<id>.json}, replaced atomically at every save (after every
 * decision of the person), so that {@code factory adopt --resume} goes on from the next capability. A draft that
 * cannot be read is an error naming its file, never skipped nor overwritten ({@link JsonDraftFiles}).
 */
// implements feature-011/FR-009
final class FileAdoptionStore extends JsonDraftFiles<AdoptionDraft> implements AdoptionStore {
    static final String FOLDER = FileDraftStore.FOLDER + "/adopt";

    FileAdoptionStore(ProjectContext context) {
        super(context.root(), FOLDER, AdoptionDraft::toJson, AdoptionDraft::fromJson, AdoptionDraft::id,
                AdoptionDraft::updated, "adopt a smaller path (factory adopt PATH)");
    }
}
