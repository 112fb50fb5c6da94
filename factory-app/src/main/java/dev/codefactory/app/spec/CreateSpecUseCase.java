package dev.codefactory.app.spec;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.Specification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code factory spec new}: a new contract from the project's template, with a fresh id, listed in the index. */
public interface CreateSpecUseCase {

    CreatedSpec create(CreateSpecCommand command);

    /**
     * A new contract whose body (from its {@code # Title} heading on) is {@code body} instead of the template's;
     * Code-Factory writes the front matter. Refused with the findings when the result would not be valid.
     */
    CreatedSpec create(CreateSpecCommand command, String body);

    /**
     * @param author null for the project's author ({@link Authors}: {@code FACTORY_AUTHOR}, {@code user.name},
     *               git's {@code user.name}, ...)
     */
    record CreateSpecCommand(String title, SpecKind kind, List<String> tags, Priority priority, String author) {
        public CreateSpecCommand {
            Objects.requireNonNull(title, "title");
            title = title.strip();
            if (title.isEmpty()) {
                throw new InvalidCommandException("the title is empty; give the spec a title, like \"User login\"");
            }
            if (title.length() > 200 || title.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidCommandException("the title must be one line of at most 200 characters");
            }
            Objects.requireNonNull(kind, "kind");
            List<String> clean = new ArrayList<>();
            for (String tag : tags) {
                String t = tag.strip();
                if (t.isEmpty() || t.length() > 50 || t.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidCommandException("tag '" + tag + "' is not usable: tags are one word or"
                            + " phrase of at most 50 characters");
                }
                if (!clean.contains(t)) {
                    clean.add(t);
                }
            }
            tags = List.copyOf(clean);
            Objects.requireNonNull(priority, "priority");
        }

        public static CreateSpecCommand of(String title) {
            return new CreateSpecCommand(title, SpecKind.SPEC, List.of(), Priority.MEDIUM, null);
        }
    }

    record CreatedSpec(Specification spec, String path) {
    }
}
