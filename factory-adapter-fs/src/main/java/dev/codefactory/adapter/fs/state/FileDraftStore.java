package dev.codefactory.adapter.fs.state;

import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.spi.ProjectContext;

/**
 * Drafts as {@code .factory/drafts/<id>.json}, replaced atomically at every save, so that a crash or Ctrl-C leaves
 * the previous complete version. A draft file that cannot be read is an error naming it (it holds someone's work:
 * it is never skipped silently nor overwritten); a draft larger than {@value #MAX_BYTES} bytes is refused as such.
 * The adoptions kept in the sub-folder {@code adopt/} are not intakes and are not listed ({@link JsonDraftFiles}).
 */
// implements feature-005/FR-004
final class FileDraftStore extends JsonDraftFiles<IntakeDraft> implements DraftStore {
    static final String FOLDER = ".factory/drafts";

    FileDraftStore(ProjectContext context) {
        super(context.root(), FOLDER, IntakeDraft::toJson, IntakeDraft::fromJson, IntakeDraft::id,
                IntakeDraft::updated, "shorten the idea or the answers");
    }
}
