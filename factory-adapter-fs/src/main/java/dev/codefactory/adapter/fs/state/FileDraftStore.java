package dev.codefactory.adapter.fs.state;

import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.spi.ProjectContext;
import java.util.List;
import java.util.Optional;

/**
 * Drafts as {@code .factory/drafts/<id>.json}, replaced atomically at every save, so that a crash or Ctrl-C leaves
 * the previous complete version. A draft file that cannot be read is an error naming it (it holds someone's work:
 * it is never skipped silently nor overwritten); a draft larger than {@value #MAX_BYTES} bytes is refused as such.
 * The adoptions kept in the sub-folder {@code adopt/} are not intakes and are not listed ({@link JsonDraftFiles}).
 */
// implements feature-005/FR-004
final class FileDraftStore implements DraftStore {
    static final String FOLDER = ".factory/drafts";
    static final int MAX_BYTES = JsonDraftFiles.MAX_BYTES;

    private final JsonDraftFiles<IntakeDraft> files;

    FileDraftStore(ProjectContext context) {
        this.files = new JsonDraftFiles<>(context.root(), FOLDER, IntakeDraft::toJson, IntakeDraft::fromJson,
                IntakeDraft::id, IntakeDraft::updated, "shorten the idea or the answers");
    }

    @Override
    public String save(IntakeDraft draft) {
        return files.save(draft);
    }

    @Override
    public Optional<IntakeDraft> load(String id) {
        return files.load(id);
    }

    @Override
    public List<IntakeDraft> list() {
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
