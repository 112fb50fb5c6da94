package dev.codefactory.port.source;

import dev.codefactory.domain.adopt.FileFacts;

/**
 * Reads source code with a real parser (JavaParser for Java) and says what a file declares: its unit, imports,
 * surfaces and tests (feature-011, FR-002, FR-003). Pure: the text is given, nothing is read or written. Parsers that
 * need a library live behind this port, in an adapter; the languages read with patterns are the domain's
 * ({@link dev.codefactory.domain.adopt.SourcePatterns}).
 */
// implements feature-011/FR-003
public interface SourceSurvey {

    /** Whether this survey reads files of {@code language} (the workspace scanner's name: {@code Java}). */
    boolean reads(String language);

    /**
     * What {@code text}, the content of {@code path} (relative to the project root), declares. A file that does not
     * parse gives what could be read (possibly {@link FileFacts#empty}), never an exception for its content.
     *
     * @param test whether the file is a test file by its path (the rule change orders use)
     */
    FileFacts survey(String path, String language, String text, boolean test);
}
