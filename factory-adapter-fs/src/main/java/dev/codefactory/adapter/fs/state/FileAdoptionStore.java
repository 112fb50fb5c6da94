package dev.codefactory.adapter.fs.state;

import dev.codefactory.domain.adopt.AdoptionDraft;
import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.spi.ProjectContext;
import java.util.List;
import java.util.Optional;

/**
 * Unfinished adoptions as {@code .factory/drafts/adopt/<id>.json}, replaced atomically at every save (after every
 * decision of the person), so that {@code factory adopt --resume} goes on from the next capability. A draft that
 * cannot be read is an error naming its file, never skipped nor overwritten ({@link JsonDraftFiles}).
 */
// implements feature-011/FR-009
final class FileAdoptionStore implements AdoptionStore {
    static final String FOLDER = FileDraftStore.FOLDER + "/adopt";

    private final JsonDraftFiles<AdoptionDraft> files;

    FileAdoptionStore(ProjectContext context) {
        this.files = new JsonDraftFiles<>(context.root(), FOLDER, AdoptionDraft::toJson, AdoptionDraft::fromJson,
                AdoptionDraft::id, AdoptionDraft::updated, "adopt a smaller path (factory adopt PATH)");
    }

    @Override
    public String save(AdoptionDraft draft) {
        return files.save(draft);
    }

    @Override
    public Optional<AdoptionDraft> load(String id) {
        return files.load(id);
    }

    @Override
    public List<AdoptionDraft> list() {
        return files.list();
    }

    @Override
    public boolean delete(String id) {
        return files.delete(id);
    }

    @Override
    public String pathOf(String id) {
        return files.pathOf(id);
    }
}
