package dev.codefactory.app.spec;

/** {@code factory spec index}: rewrites the index in contracts/README.md from the contracts (after hand edits). */
public interface RebuildIndexUseCase {

    /** @return how many contracts the index lists */
    int rebuildIndex();
}
