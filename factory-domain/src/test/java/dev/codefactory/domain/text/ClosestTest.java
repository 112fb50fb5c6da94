package dev.codefactory.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestTest {
    static final List<String> PATHS = List.of("README.md", "src/main/java/app/auth/LoginService.java",
            "src/main/java/app/cart/CartService.java", "src/main/resources/application.properties");

    @Test
    void distance_counts_single_character_edits() {
        assertEquals(0, Closest.distance("abc", "abc"));
        assertEquals(1, Closest.distance("abc", "abd"));
        assertEquals(1, Closest.distance("abc", "ab"));
        assertEquals(3, Closest.distance("", "abc"));
        assertEquals(3, Closest.distance("kitten", "sitting"));
    }

    @Test
    void a_mistyped_path_finds_the_file_it_meant() {
        assertEquals(Optional.of("src/main/java/app/auth/LoginService.java"),
                Closest.path("src/main/java/app/auth/LoginServce.java", PATHS));
        assertEquals(Optional.of("src/main/java/app/cart/CartService.java"),
                Closest.path("src/main/java/app/CartService.java", PATHS), "a folder left out");
    }

    @Test
    void a_file_name_alone_finds_its_path() {
        assertEquals(Optional.of("src/main/java/app/auth/LoginService.java"), Closest.path("LoginService.java", PATHS));
    }

    @Test
    void no_paths_no_suggestion() {
        assertEquals(Optional.empty(), Closest.path("x", List.of()));
    }
}
