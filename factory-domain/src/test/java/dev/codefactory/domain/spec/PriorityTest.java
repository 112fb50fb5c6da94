package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PriorityTest {

    @Test
    void parses_each_label() {
        for (Priority p : Priority.values()) {
            assertEquals(Optional.of(p), Priority.parse(p.label()));
        }
        assertEquals("critical", Priority.CRITICAL.label());
    }

    @Test
    void does_not_parse_other_spellings() {
        assertEquals(Optional.empty(), Priority.parse("High"));
        assertEquals(Optional.empty(), Priority.parse("urgent"));
        assertEquals(Optional.empty(), Priority.parse(""));
    }

    @Test
    void lists_every_label_from_least_to_most_important() {
        assertEquals("low, medium, high, critical", Priority.labels());
        assertEquals(Arrays.stream(Priority.values()).map(Priority::label).collect(Collectors.joining(", ")),
                Priority.labels());
    }
}
