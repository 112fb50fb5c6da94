package dev.codefactory.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileChangeTest {

    @Test
    void rejects_a_modification_without_edits_naming_the_path() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FileChange.Modify("src/Login.java", List.of()));

        assertEquals("src/Login.java: a modification needs at least one edit", e.getMessage());
    }

    @Test
    void keeps_its_own_copy_of_the_edits() {
        List<Edit> edits = new ArrayList<>(List.of(new Edit("a", "b")));
        FileChange.Modify modify = new FileChange.Modify("src/A.java", edits);

        edits.add(new Edit("c", "d"));

        assertEquals(List.of(new Edit("a", "b")), modify.edits());
    }

    @Test
    void rejects_an_edit_with_empty_search_text() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Edit("", "x"));

        assertEquals("an edit needs non-empty search text to anchor on", e.getMessage());
    }

    @Test
    void accepts_an_edit_that_replaces_with_nothing() {
        assertEquals("", new Edit("remove me", "").replace());
    }

    @Test
    void rejects_a_created_file_without_content() {
        assertThrows(NullPointerException.class, () -> new FileChange.Create("src/A.java", null));
    }
}
