package dev.codefactory.domain.adopt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Capabilities built by hand, as discovery would give them, and the trimmed copies of real projects under
 * {@code src/test/resources/adopt/}.
 */
final class AdoptFixtures {
    static final String CONTROLLER = "src/main/java/org/acme/owner/OwnerController.java";
    static final String TEST = "src/test/java/org/acme/owner/OwnerControllerTests.java";

    private AdoptFixtures() {
    }

    static String text(String project, String path) {
        try {
            Path root = Path.of(AdoptFixtures.class.getResource("/adopt/" + project).toURI());
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FileFacts read(String project, String path, String language) {
        return SourcePatterns.read(path, language, text(project, path));
    }

    /** The surfaces as {@code kind name @line}, in order. */
    static List<String> surfaces(FileFacts facts) {
        return facts.surfaces().stream().map(s -> s.kind().id() + " " + s.name() + " @" + s.at().line())
                .collect(Collectors.toList());
    }

    static List<String> surfaces(FileFacts facts, SurfaceKind kind) {
        return facts.surfaces().stream().filter(s -> s.kind() == kind)
                .map(s -> s.kind().id() + " " + s.name() + " @" + s.at().line()).collect(Collectors.toList());
    }

    static List<String> tests(FileFacts facts) {
        return facts.tests().stream().map(t -> t.name() + " @" + t.at().line()).collect(Collectors.toList());
    }

    static Capability owners() {
        return new Capability("owners", "Owners", "petclinic", List.of("petclinic", "java"),
                List.of(new Surface(SurfaceKind.ROUTE, "GET /owners/{ownerId}", new SourceLocation(CONTROLLER, 42),
                                "OwnerController.showOwner"),
                        new Surface(SurfaceKind.ROUTE, "POST /owners/new", new SourceLocation(CONTROLLER, 60), "")),
                List.of(new TestCase("testShowOwner", new SourceLocation(TEST, 30)),
                        new TestCase("testProcessCreationFormSuccess", new SourceLocation(TEST, 55))),
                List.of(new DocEvidence(DocEvidence.Kind.README, "Owners", new SourceLocation("README.md", 12))),
                "");
    }
}
