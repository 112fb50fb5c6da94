package dev.codefactory.domain.adopt;

/**
 * Reads the languages no parser library is used for (Python, JavaScript/TypeScript, Go, and SQL, properties and
 * YAML configuration) with patterns tested on real code (feature-011, FR-002, FR-003). Pure: text in, facts out.
 * Java is read by a real parser behind the {@code SourceSurvey} port, not here.
 */
// implements feature-011/FR-003
public final class SourcePatterns {
    private SourcePatterns() {
    }

    /** Whether {@link #read} knows {@code language} (the workspace scanner's name for it) for this file. */
    public static boolean reads(String path, String language) {
        throw new UnsupportedOperationException("skeleton: SourcePatterns.reads");
    }

    /** What {@code text}, the content of {@code path} in {@code language}, declares. */
    public static FileFacts read(String path, String language, String text) {
        throw new UnsupportedOperationException("skeleton: SourcePatterns.read");
    }
}
