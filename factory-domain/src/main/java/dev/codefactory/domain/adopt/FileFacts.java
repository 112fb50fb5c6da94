package dev.codefactory.domain.adopt;

import java.util.List;
import java.util.Objects;

/**
 * What one source file says about the code base, read once and kept without its text (feature-011, NFR-002).
 *
 * @param path     relative to the project root, {@code /} separators
 * @param language the workspace scanner's language ({@code Java}, {@code Python}, ...)
 * @param unit     the package or module the file belongs to ({@code org.acme.owner}, {@code app.api}); "" when none
 * @param imports  what the file imports, as written ({@code org.acme.owner.OwnerController}, {@code ./routes/users},
 *                 {@code app.models}); tests are tied to surfaces through these (FR-004)
 * @param surfaces the surfaces declared in the file
 * @param tests    the tests declared in the file (empty for a file that is no test)
 * @param test     whether the file is a test file
 */
public record FileFacts(String path, String language, String unit, List<String> imports, List<Surface> surfaces,
                        List<TestCase> tests, boolean test) {
    public FileFacts {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(language, "language");
        unit = unit == null ? "" : unit;
        imports = List.copyOf(imports);
        surfaces = List.copyOf(surfaces);
        tests = List.copyOf(tests);
    }

    /** A file with nothing to say: no unit, no imports, no surfaces, no tests. */
    public static FileFacts empty(String path, String language) {
        return new FileFacts(path, language, "", List.of(), List.of(), List.of(), false);
    }

    /** Whether anything was found worth keeping (a surface or a test). */
    public boolean isEmpty() {
        return surfaces.isEmpty() && tests.isEmpty();
    }
}
