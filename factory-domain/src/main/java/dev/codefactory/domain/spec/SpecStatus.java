package dev.codefactory.domain.spec;

import dev.codefactory.domain.state.State;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The lifecycle of a specification: draft → approved → implemented → deprecated, and approved → draft. */
// implements feature-001/FR-003
public enum SpecStatus implements State<SpecStatus> {
    DRAFT, APPROVED, IMPLEMENTED, DEPRECATED;

    @Override
    public Set<SpecStatus> successors() {
        switch (this) {
            case DRAFT:
                return EnumSet.of(APPROVED);
            case APPROVED:
                return EnumSet.of(IMPLEMENTED, DRAFT);
            case IMPLEMENTED:
                return EnumSet.of(DEPRECATED);
            default:
                return EnumSet.noneOf(SpecStatus.class);
        }
    }

    /** The spelling used in front matter and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SpecStatus> parse(String text) {
        for (SpecStatus s : values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static String labels() {
        return "draft, approved, implemented, deprecated";
    }
}
