package dev.codefactory.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProjectExceptionsTest {

    @Test
    void storage_failure_names_path_action_and_cause() {
        assertEquals("contracts/a.md: writing failed: IOException (No space left on device)",
                new StorageException("contracts/a.md", "writing", new IOException("No space left on device"))
                        .getMessage());
    }

    @Test
    void storage_failure_without_cause_message_names_the_cause_type() {
        assertEquals("contracts/a.md: reading failed: IOException",
                new StorageException("contracts/a.md", "reading", new IOException()).getMessage());
    }

    @Test
    void unsafe_path_says_why_it_was_refused() {
        assertEquals("../etc/passwd: refused, it leads outside the project root;"
                + " Code-Factory only reads and writes inside the project",
                new UnsafePathException("../etc/passwd", "it leads outside the project root").getMessage());
    }
}
