package dev.codefactory.port.template;

import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;

/** The templates new contracts start from: built in, or the project's own in {@code .factory/templates/}. */
public interface TemplateSource {

    /** The project's template for {@code kind} when it has one, else the built-in one. */
    SpecTemplate template(SpecKind kind);
}
