package dev.codefactory.domain.spec;

import dev.codefactory.domain.report.Finding;
import java.util.Objects;

/** A contract file as storage found it: either parsed into front matter and body, or unreadable with the reason. */
public sealed interface SpecSource permits SpecSource.Parsed, SpecSource.Unreadable {

    /** The project-relative path, with forward slashes. */
    String path();

    /**
     * @param body     the markdown after the closing {@code ---}, as written
     * @param bodyLine the 1-based line in the file where the body starts
     */
    record Parsed(String path, FrontMatter frontMatter, String body, int bodyLine) implements SpecSource {
        public Parsed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(frontMatter, "frontMatter");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A file that could not be read as a contract; {@code problem} says why, where. */
    record Unreadable(String path, Finding problem) implements SpecSource {
        public Unreadable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
