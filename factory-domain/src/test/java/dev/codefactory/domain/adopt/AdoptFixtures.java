package dev.codefactory.domain.adopt;

import java.util.List;

/** Capabilities built by hand, as discovery would give them. */
final class AdoptFixtures {
    static final String CONTROLLER = "src/main/java/org/acme/owner/OwnerController.java";
    static final String TEST = "src/test/java/org/acme/owner/OwnerControllerTests.java";

    private AdoptFixtures() {
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
