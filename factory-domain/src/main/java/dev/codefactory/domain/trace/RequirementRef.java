package dev.codefactory.domain.trace;

import dev.codefactory.domain.spec.SpecId;
import java.util.Objects;
import java.util.Optional;

/**
 * A requirement addressed from anywhere: its spec's id and its own id, written {@code feature-010/FR-003}
 * (feature-010, FR-001). The spec id is a {@link SpecId}; the requirement id a {@link RequirementId}.
 */
// implements feature-010/FR-001
public record RequirementRef(SpecId spec, RequirementId id) implements Comparable<RequirementRef> {

    public RequirementRef {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(id, "id");
    }

    /** The reference {@code text} is, or an exception whose message says why it is not one. */
    public static RequirementRef parse(String text) {
        Objects.requireNonNull(text, "text");
        return read(text).orThrow();
    }

    /** The reference {@code text} is, or empty when it is not one. */
    public static Optional<RequirementRef> tryParse(String text) {
        return text == null ? Optional.empty() : read(text).valueIfAny();
    }

    /** Why {@code text} is not a reference, or empty when it is one. */
    public static Optional<String> problem(String text) {
        Objects.requireNonNull(text, "text");
        return read(text).problemIfAny();
    }

    private static Parsed<RequirementRef> read(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Parsed.not(Quote.of(text) + " is not a requirement reference: write <spec id>/<requirement id>,"
                    + " e.g. feature-010/FR-003");
        }
        String spec = text.substring(0, slash);
        if (!SpecId.isValid(spec)) {
            return Parsed.not(Quote.of(text) + " is not a requirement reference: " + Quote.of(spec)
                    + " is not a spec id (" + SpecId.FORMAT_DESCRIPTION + ")");
        }
        Optional<String> why = RequirementId.problem(text.substring(slash + 1));
        if (why.isPresent()) {
            return Parsed.not(Quote.of(text) + " is not a requirement reference: " + why.get());
        }
        return Parsed.of(new RequirementRef(new SpecId(spec), RequirementId.parse(text.substring(slash + 1))));
    }

    @Override
    public int compareTo(RequirementRef other) {
        int bySpec = spec.compareTo(other.spec);
        return bySpec != 0 ? bySpec : id.compareTo(other.id);
    }

    /** {@code feature-010/FR-003}. */
    @Override
    public String toString() {
        return spec + "/" + id;
    }
}
