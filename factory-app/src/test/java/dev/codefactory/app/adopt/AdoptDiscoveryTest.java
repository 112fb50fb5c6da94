package dev.codefactory.app.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptCommand;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptOutcome;
import dev.codefactory.app.adopt.AdoptUseCase.Discovered;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.adopt.CodeModule;
import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery on a real repository, and what adoption refuses before it reads or writes anything. */
class AdoptDiscoveryTest extends AdoptTestBase {

    // covers feature-011/FR-001
    // covers feature-011/FR-002
    // covers feature-011/FR-004
    // covers feature-011/FR-005
    @Test
    void discovery_of_a_mixed_project_finds_its_modules_routes_tests_and_a_plan() {
        Dialog dialog = new Dialog();
        Discovered d;
        try (CodeFactory f = factory()) {
            d = f.discover("", dialog);
        }

        assertEquals(Map.of("api", "Java", "worker", "Python", "web", "TypeScript"), d.discovery().modules()
                .stream().collect(Collectors.toMap(CodeModule::path, CodeModule::language)));
        Set<String> routed = d.discovery().surfaces().stream().filter(s -> s.kind() == SurfaceKind.ROUTE)
                .map(s -> s.at().path()).collect(Collectors.toSet());
        assertEquals(Set.of(OWNERS, ROUTES, SERVER), routed);
        Set<String> tested = d.discovery().tests().stream().map(t -> t.at().path()).collect(Collectors.toSet());
        assertEquals(Set.of(OWNERS_TEST, ROUTES_TEST, SERVER_TEST), tested);
        assertTrue(d.discovery().files().stream().filter(f -> f.path().equals(OWNERS_TEST))
                .allMatch(FileFacts::test), "a test file is marked as one");
        assertTrue(d.discovery().docs().stream().anyMatch(doc -> doc.at().path().equals("README.md")),
                "the README's sections are evidence");
        assertFalse(d.plan().capabilities().isEmpty());
        assertTrue(d.plan().capabilities().stream().allMatch(c -> !c.covered()), "nothing is covered yet");
        assertEquals(d.discovery().surfaces().size(), d.plan().capabilities().stream()
                .mapToInt(c -> c.surfaces().size()).sum(), "every surface is in one capability");
        assertTrue(d.discovery().filesScanned() >= 10, "files scanned: " + d.discovery().filesScanned());
        assertTrue(d.discovery().notRead().isEmpty(), d.discovery().notRead().toString());
        assertFalse(d.took().isNegative());
        assertTrue(dialog.progress.stream().anyMatch(p -> p.startsWith("reading ")), dialog.progress.toString());
        for (Surface s : d.discovery().surfaces()) {
            assertFalse(s.at().path().startsWith("contracts/"), "the project's own records are not read: " + s);
        }
    }

    // covers feature-011/FR-012
    @Test
    void discovery_limited_to_a_path_reads_only_that_path() {
        Discovered d = discover("./worker/");
        assertEquals("worker", d.discovery().scope());
        assertFalse(d.discovery().files().isEmpty());
        assertTrue(d.discovery().files().stream().allMatch(f -> f.path().startsWith("worker/")),
                d.discovery().files().toString());
        assertEquals("worker", d.plan().scope());
    }

    // covers feature-011/FR-012
    @ParameterizedTest
    @ValueSource(strings = {"../elsewhere", "/etc", "api/../../x", "C:/Windows"})
    void a_path_outside_the_project_is_refused(String path) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> discover(path));
        assertTrue(e.getMessage().contains("outside the project"), e.getMessage());
    }

    // covers feature-011/FR-012
    @Test
    void a_path_that_does_not_exist_is_refused_naming_it() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> discover("missing/folder"));
        assertTrue(e.getMessage().contains("missing/folder"), e.getMessage());
    }

    // covers feature-011/FR-002
    @Test
    void a_test_file_gives_its_tests_and_never_surfaces_whichever_survey_reads_it() {
        String testApp = "api/src/test/java/org/acme/owner/OwnerTestApp.java";
        GitSandbox.write(project.resolve(testApp), String.join("\n",
                "package org.acme.owner;",
                "",
                "import org.junit.jupiter.api.Test;",
                "import org.springframework.web.bind.annotation.GetMapping;",
                "import org.springframework.web.bind.annotation.RestController;",
                "",
                "@RestController",
                "public class OwnerTestApp {",
                "",
                "    public static void main(String[] args) {",
                "    }",
                "",
                "    @GetMapping(\"/test-only\")",
                "    public String testOnly() {",
                "        return \"test\";",
                "    }",
                "",
                "    @Test",
                "    void starts() {",
                "    }",
                "}",
                ""));
        Discovered d = discover("");
        FileFacts facts = d.discovery().files().stream().filter(f -> f.path().equals(testApp)).findFirst()
                .orElseThrow(() -> new AssertionError("the test file was not read: " + d.discovery().files()));
        assertTrue(facts.test(), "a file under src/test is a test file");
        assertTrue(facts.surfaces().isEmpty(), "a test file has no surfaces: " + facts.surfaces());
        assertFalse(facts.tests().isEmpty(), "its tests are kept");
        assertTrue(d.discovery().surfaces().stream().noneMatch(s -> s.at().path().equals(testApp)),
                d.discovery().surfaces().toString());
        assertTrue(d.discovery().tests().stream().anyMatch(t -> t.at().path().equals(testApp)),
                d.discovery().tests().toString());
        assertTrue(d.discovery().surfaces().stream().anyMatch(s -> s.at().path().equals(OWNERS)),
                "the code's own routes stay");
    }

    // covers feature-011/FR-001
    @Test
    void a_folder_with_a_pom_and_a_gradle_build_is_one_module_named_by_the_pom() {
        GitSandbox.write(project.resolve("api/build.gradle"), "plugins { id 'java' }\n");
        Discovered d = discover("");
        assertEquals(List.of(new CodeModule("api", "shop-api", "api/pom.xml", "Java")), d.discovery().modules()
                .stream().filter(m -> m.path().equals("api")).toList(), d.discovery().modules().toString());
    }

    // covers feature-011/FR-002
    @Test
    void a_file_that_cannot_be_read_is_listed_with_why_and_the_others_are_read() {
        // Latin-1, not UTF-8: the scanner lists it as text, the project files refuse to decode it
        GitSandbox.write(project.resolve("worker/app/legacy.py"), "# caf\u00e9\nimport os\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Discovered d = discover("");
        assertEquals(1, d.discovery().notRead().size(), d.discovery().notRead().toString());
        assertTrue(d.discovery().notRead().get(0).startsWith("worker/app/legacy.py: "),
                d.discovery().notRead().toString());
        assertTrue(d.discovery().surfaces().stream().anyMatch(s -> s.at().path().equals(ROUTES)));
    }

    // covers feature-011/FR-006
    @Test
    void a_capability_whose_code_links_to_an_existing_spec_is_covered_by_it() {
        String id;
        try (CodeFactory f = factory()) {
            id = f.create(new CreateSpecCommand("Pet owners", SpecKind.SPEC, java.util.List.of(), Priority.MEDIUM,
                    null), "# Pet owners\n\n## Overview\n\nOwners.\n\n## Requirements\n\n### Functional\n\n"
                    + "- FR-001: An owner is shown by id.\n").spec().id().value();
        }
        String owners = GitSandbox.read(project.resolve(OWNERS));
        GitSandbox.write(project.resolve(OWNERS), owners.replace("    @GetMapping(\"/{id}\")",
                "    // impl" + "ements " + id + "/FR-001\n    @GetMapping(\"/{id}\")"));

        Discovered d = discover("");

        var covering = d.plan().capabilities().stream().filter(c -> c.paths().contains(OWNERS)).toList();
        assertFalse(covering.isEmpty());
        assertTrue(covering.stream().allMatch(c -> c.coveredBy().equals(id)), covering.toString());
        assertTrue(d.plan().capabilities().stream().filter(c -> !c.paths().contains(OWNERS))
                .noneMatch(c -> c.covered()), d.plan().capabilities().toString());
    }

    // covers feature-011/FR-013
    @Test
    void a_stop_request_ends_discovery_and_an_adoption_with_nothing_written() {
        Dialog dialog = new Dialog();
        dialog.stop = true;
        try (CodeFactory f = factory()) {
            assertThrows(StopRequestedException.class, () -> f.discover("", dialog));
        }
        AdoptOutcome o = adopt(AdoptCommand.of("").withOffline(true), dialog);
        assertTrue(o.stopped());
        assertEquals(0, o.written().size());
        assertEquals("", git("status", "--porcelain").strip());
    }

    // covers feature-011/FR-013
    @Test
    void adoption_in_a_project_without_factory_init_is_refused_with_nothing_written() throws Exception {
        Path bare = tmp.resolve("bare");
        sandbox.init(bare);
        writeProject(bare);
        Map<String, String> env = new HashMap<>(sandbox.environment());
        try (CodeFactory f = CodeFactory.builder().projectRoot(bare).environment(env)
                .userConfigDir(tmp.resolve("cfg")).withoutSystemConfig().withoutDetection().build()) {
            ProjectStateException e = assertThrows(ProjectStateException.class,
                    () -> f.adopt(AdoptCommand.of("").withOffline(true), new Dialog()));
            assertTrue(e.getMessage().contains("factory init"), e.getMessage());
        }
        assertFalse(Files.exists(bare.resolve("contracts")));
        assertFalse(Files.exists(bare.resolve(".factory")));
    }
}
