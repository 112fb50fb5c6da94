package dev.codefactory.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.spec.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFactoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path repo;

    private CodeFactory open() {
        return CodeFactory.builder().projectRoot(repo).clock(CLOCK).environment(Map.of("USER", "grace")).build();
    }

    @Test
    void takes_time_and_author_from_what_it_is_given() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        try (CodeFactory f = open()) {
            f.init();
            Specification s = f.create(CreateSpecCommand.of("Clocked")).spec();
            assertEquals("2026-03-04", s.created().toString());
            assertEquals("grace", s.author());
        }
    }

    // covers feature-013/NFR-004
    @Test
    void validating_for_findings_only_keeps_no_contract_and_finds_the_same() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        try (CodeFactory f = open()) {
            f.init();
            Specification a = f.create(CreateSpecCommand.of("First")).spec();
            f.create(CreateSpecCommand.of("Second"));
            Files.writeString(repo.resolve(a.path()), Files.readString(repo.resolve(a.path()))
                    + "\nSee [the missing one](missing.md).\n");
            ValidateSpecsCommand all = new ValidateSpecsCommand(List.of(), false);
            ValidateSpecsCommand one = new ValidateSpecsCommand(List.of(a.id().value()), false);

            Validation kept = f.validate(all).validation();
            Validation lean = f.validate(all.findingsOnly()).validation();
            Validation oneLean = f.validate(one.findingsOnly()).validation();

            assertEquals(2, kept.specifications().size());
            assertEquals(List.of(), lean.specifications());
            assertEquals(kept.findings(), lean.findings());
            assertEquals(kept.files(), lean.files());
            assertTrue(lean.findings().stream().anyMatch(x -> x.message().contains("missing.md")), lean.toString());
            assertEquals(f.validate(one).validation().findings(), oneLean.findings());
            assertEquals(1, oneLean.files());
        }
    }

    @Test
    void refuses_to_work_before_init() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        try (CodeFactory f = open()) {
            ProjectStateException e = assertThrows(ProjectStateException.class, () -> f.list(SpecQuery.ALL));
            assertTrue(e.getMessage().contains("'factory init'"), e.getMessage());
        }
    }

    // covers feature-002/FR-006
    @Test
    void locates_the_project_from_a_subfolder() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path deep = Files.createDirectories(repo.resolve("a/b/c"));
        assertEquals(repo.toAbsolutePath().normalize(), CodeFactory.locateProject(deep));
    }

    @Test
    void a_repository_nested_in_an_initialised_project_is_its_own_project() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("contracts"));
        Files.createDirectories(repo.resolve(".factory"));
        Path nested = Files.createDirectories(repo.resolve("vendor/lib/.git")).getParent();
        assertEquals(nested, CodeFactory.locateProject(nested.resolve(".")));
        assertEquals(repo.toAbsolutePath().normalize(), CodeFactory.locateProject(repo.resolve("vendor")));
    }

    @Test
    void two_instances_creating_at_once_never_share_an_id() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        try (CodeFactory a = open(); CodeFactory b = open()) {
            a.init();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                CodeFactory f = i % 2 == 0 ? a : b;
                int n = i;
                ids.add(pool.submit(() -> f.create(CreateSpecCommand.of("Spec " + n)).spec().id().value()));
            }
            Set<String> unique = new HashSet<>();
            for (Future<String> id : ids) {
                unique.add(id.get());
            }
            pool.shutdown();
            assertEquals(10, unique.size(), unique.toString());
            assertEquals(10, a.list(SpecQuery.ALL).specs().size());
            assertTrue(a.validate(dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand.all())
                    .validation().isValid());
            String index = Files.readString(repo.resolve("contracts/README.md"));
            for (String id : unique) {
                assertTrue(index.contains("| " + id + " |"), id + " missing from the index");
            }
        }
    }
}
