package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.spec.CatalogIndex;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.port.spec.SpecificationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateAndIndexTest {
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);
    private static final String BLOCK = CatalogIndex.render(List.of());
    private static final String OTHER_BLOCK = CatalogIndex.START + "\nsomething else\n" + CatalogIndex.END + "\n";

    @TempDir
    Path root;

    @Test
    void create_writes_the_file_in_the_kind_folder_and_returns_its_path() {
        String path = Projects.specs(root).create(SpecKind.DECISION, "adr-001-use-java.md", "content\n");
        assertEquals("contracts/decisions/adr-001-use-java.md", path);
        assertEquals("content\n", Projects.read(root, path));
    }

    @Test
    void create_refuses_to_overwrite_and_leaves_the_file_intact() {
        Projects.write(root, "contracts/specs/a.md", "mine\n");
        StorageException e = assertThrows(StorageException.class,
                () -> Projects.specs(root).create(SpecKind.SPEC, "a.md", "theirs\n"));
        assertTrue(e.getMessage().contains("contracts/specs/a.md"), e.getMessage());
        assertEquals("mine\n", Projects.read(root, "contracts/specs/a.md"));
    }

    @Test
    void create_refuses_a_name_that_is_not_markdown() {
        assertThrows(IllegalArgumentException.class, () -> Projects.specs(root).create(SpecKind.SPEC, "a.txt", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> Projects.specs(root).create(SpecKind.SPEC, "README.md", "x"));
        assertTrue(Files.notExists(root.resolve("contracts")));
    }

    // covers feature-005/FR-006
    @Test
    void create_indexed_writes_both_and_undo_takes_both_back_byte_for_byte() {
        String before = "# My contracts\r\n\r\nIntro I wrote.\n\n" + BLOCK;
        Projects.write(root, "contracts/README.md", before);
        SpecificationRepository repo = Projects.specs(root);

        SpecificationRepository.Addition added = repo.createIndexed(SpecKind.SPEC, "a.md", "content\n", OTHER_BLOCK);

        assertEquals("contracts/specs/a.md", added.path());
        assertEquals("content\n", Projects.read(root, "contracts/specs/a.md"));
        assertTrue(Projects.read(root, "contracts/README.md").contains("something else"));

        added.undo();

        assertTrue(Files.notExists(root.resolve("contracts/specs/a.md")));
        assertEquals(before, Projects.read(root, "contracts/README.md"));
    }

    @Test
    void undo_of_create_indexed_removes_a_readme_that_was_not_there() {
        SpecificationRepository.Addition added = Projects.specs(root).createIndexed(SpecKind.SPEC, "a.md", "x\n",
                BLOCK);
        assertTrue(Files.exists(root.resolve("contracts/README.md")));

        added.undo();

        assertTrue(Files.notExists(root.resolve("contracts/README.md")));
        assertTrue(Files.notExists(root.resolve("contracts/specs/a.md")));
    }

    @Test
    void create_indexed_with_a_folder_in_place_of_the_readme_writes_nothing() throws IOException {
        Files.createDirectories(root.resolve("contracts/README.md/in-the-way"));

        StorageException e = assertThrows(StorageException.class,
                () -> Projects.specs(root).createIndexed(SpecKind.SPEC, "a.md", "x\n", BLOCK));

        assertTrue(e.getMessage().startsWith("contracts/README.md is not a file"), e.getMessage());
        assertTrue(Files.notExists(root.resolve("contracts/specs/a.md")));
    }

    @Test
    void create_indexed_refuses_an_existing_file_and_leaves_the_readme_alone() {
        Projects.write(root, "contracts/specs/a.md", "mine\n");
        Projects.write(root, "contracts/README.md", "# Mine\n");

        assertThrows(StorageException.class,
                () -> Projects.specs(root).createIndexed(SpecKind.SPEC, "a.md", "theirs\n", BLOCK));

        assertEquals("mine\n", Projects.read(root, "contracts/specs/a.md"));
        assertEquals("# Mine\n", Projects.read(root, "contracts/README.md"));
    }

    @Test
    void write_index_creates_the_readme_with_a_header() {
        Projects.specs(root).writeIndex(BLOCK);
        String text = Projects.read(root, "contracts/README.md");
        assertTrue(text.startsWith("# Contracts\n\n"), text);
        assertTrue(text.endsWith("\n\n" + BLOCK), text);
    }

    // covers feature-001/FR-007
    @Test
    void write_index_replaces_only_the_block_between_the_markers() {
        String before = "# My contracts\n\nIntro I wrote.\n\n" + BLOCK + "\n## Notes\n\nMine too.\n";
        Projects.write(root, "contracts/README.md", before);
        Projects.specs(root).writeIndex(OTHER_BLOCK);
        assertEquals(before.replace(BLOCK, OTHER_BLOCK), Projects.read(root, "contracts/README.md"));
    }

    @Test
    void write_index_keeps_crlf_line_endings() {
        String before = ("# Mine\r\n\r\n" + BLOCK + "tail\r\n").replace(BLOCK, BLOCK.replace("\n", "\r\n"));
        Projects.write(root, "contracts/README.md", before);
        Projects.specs(root).writeIndex(OTHER_BLOCK);
        assertEquals("# Mine\r\n\r\n" + OTHER_BLOCK.replace("\n", "\r\n") + "tail\r\n",
                Projects.read(root, "contracts/README.md"));
    }

    @Test
    void write_index_appends_the_block_when_the_markers_are_missing() {
        Projects.write(root, "contracts/README.md", "# Mine\n\nNo index yet.");
        Projects.specs(root).writeIndex(BLOCK);
        assertEquals("# Mine\n\nNo index yet.\n\n" + BLOCK, Projects.read(root, "contracts/README.md"));
    }

    @Test
    void write_index_leaves_a_lone_start_marker_and_the_text_after_it_alone() {
        String before = "# Mine\n\n" + CatalogIndex.START + "\nmy notes, end marker deleted\n";
        Projects.write(root, "contracts/README.md", before);
        SpecificationRepository repo = Projects.specs(root);
        repo.writeIndex(BLOCK);
        repo.writeIndex(OTHER_BLOCK);
        assertEquals(before + "\n" + OTHER_BLOCK, Projects.read(root, "contracts/README.md"));
    }

    @Test
    void write_index_does_not_write_when_nothing_changes() throws IOException {
        Path file = Projects.write(root, "contracts/README.md", "# Mine\n\n" + BLOCK + "\nafter\n");
        Files.setLastModifiedTime(file, OLD);
        SpecificationRepository repo = Projects.specs(root);
        repo.writeIndex(BLOCK);
        assertEquals(OLD, Files.getLastModifiedTime(file));
        assertEquals("# Mine\n\n" + BLOCK + "\nafter\n", Projects.read(root, "contracts/README.md"));
    }
}
