package dev.codefactory.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProjectPathsTest {

    @Test
    void resolves_dot_and_dot_dot_against_a_folder() {
        assertEquals("src/auth/Login.java", ProjectPaths.resolve("contracts/specs", "../../src/auth/Login.java"));
        assertEquals("a/c", ProjectPaths.resolve("a/b", "./../c"));
        assertEquals("x.md", ProjectPaths.resolve("", "x.md"));
        assertEquals("a/b/x", ProjectPaths.resolve("a/b", "x//"));
    }

    @Test
    void a_reference_climbing_out_of_the_project_is_null() {
        assertNull(ProjectPaths.resolve("docs", "../../etc/passwd"));
        assertNull(ProjectPaths.resolve("", ".."));
    }

    @Test
    void the_folder_of_a_root_file_is_empty() {
        assertEquals("", ProjectPaths.folderOf("README.md"));
        assertEquals("contracts/specs", ProjectPaths.folderOf("contracts/specs/x.md"));
    }
}
