package dev.codefactory.port.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.SpecSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SpecificationRepository#listAll}'s default, for implementations that only know {@code loadAll}. */
class ListingTest {

    private static SpecSource unreadable(String path) {
        return new SpecSource.Unreadable(path, Finding.error("unreadable", path, 0, "cannot read " + path));
    }

    @Test
    void the_default_listing_hands_over_what_loadAll_read_in_its_order() {
        List<SpecSource> files = new ArrayList<>(List.of(unreadable("contracts/specs/b.md"),
                unreadable("contracts/specs/a.md")));
        SpecificationRepository.Listing listing = new SpecificationRepository.Loaded(files);
        files.clear(); // the listing keeps its own copy

        assertEquals(List.of("contracts/specs/b.md", "contracts/specs/a.md"), listing.paths());
        assertEquals(List.of("B.MD", "A.MD"),
                listing.read(s -> s.path().substring("contracts/specs/".length()).toUpperCase()));
    }
}
