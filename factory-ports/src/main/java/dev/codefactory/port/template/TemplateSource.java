package dev.codefactory.port.template;

import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import java.util.List;

/** The templates new contracts start from: built in, or the project's own in {@code .factory/templates/}. */
public interface TemplateSource {

    /** The project's template for {@code kind} when it has one, else the built-in one. */
    SpecTemplate template(SpecKind kind);

    /**
     * Every template a contract of {@code kind} may have started from, whose placeholder text it should no longer
     * hold: the project's own when it has one, and the built-in one. By default {@link #template(SpecKind)} alone.
     */
    default List<SpecTemplate> origins(SpecKind kind) {
        return List.of(template(kind));
    }
}
