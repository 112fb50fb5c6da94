package dev.codefactory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactoryExceptionTest {

    @Test
    void details_keep_their_order_and_leave_out_what_is_empty() {
        FactoryException e = new FactoryException("the pull request could not be opened");

        FactoryException same = e.withDetail("id", "261206-00ab").withDetail("branch", "factory/change-261206-00ab")
                .withDetail("note", "").withDetail("stash", (String) null).withDetail("commits", List.of("abc", "def"))
                .withDetail("files", List.of()).withDetail("pushed", true);

        assertSame(e, same, "returned to be thrown");
        assertEquals(List.of("id", "branch", "commits", "pushed"), List.copyOf(e.details().keySet()));
        assertEquals(Map.of("id", "261206-00ab", "branch", "factory/change-261206-00ab",
                "commits", List.of("abc", "def"), "pushed", true), e.details());
        assertThrows(UnsupportedOperationException.class, () -> e.details().put("x", "y"));
    }
}
