package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"other.md", "../architecture/auth.md", "./a.md#section", "img/diagram.png?raw=1",
            "my%20file.md"})
    void a_path_in_the_project_is_relative(String target) {
        assertTrue(new Link(target, 1).isRelative());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#section", "/docs/a.md", "https://example.com/a.md", "mailto:ada@example.com",
            "ftp://host/a", "C:/a.md", "git+ssh://host/r"})
    void anchors_schemes_and_site_absolute_paths_are_not_relative(String target) {
        assertFalse(new Link(target, 1).isRelative());
    }

    @ParameterizedTest
    @CsvSource({
        "a.md, a.md",
        "a.md#part, a.md",
        "a.md?x=1, a.md",
        "a.md?x=1#part, a.md",
        "a.md#part?x=1, a.md",
        "#part, ''"
    })
    void path_part_drops_the_fragment_and_query(String target, String path) {
        assertEquals(path, new Link(target, 1).pathPart());
    }
}
