package dev.codefactory.app.spec;

import dev.codefactory.domain.spec.Specification;

/** {@code factory spec show}: one contract, by id or by its path inside contracts/. */
public interface ShowSpecUseCase {

    /**
     * @throws dev.codefactory.domain.spec.SpecNotFoundException when nothing has that id or path
     * @throws dev.codefactory.domain.project.UnsafePathException when the path leads outside the project
     * @throws dev.codefactory.domain.spec.InvalidSpecificationException when its front matter is broken
     */
    Specification show(String idOrPath);
}
