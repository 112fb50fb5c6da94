package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecKindTest {

    @Test
    void finds_the_kind_from_the_folder() {
        assertEquals(Optional.of(SpecKind.SPEC), SpecKind.ofPath("contracts/specs/feature-001-login.md"));
        assertEquals(Optional.of(SpecKind.ARCHITECTURE), SpecKind.ofPath("contracts/architecture/overview.md"));
        assertEquals(Optional.of(SpecKind.DECISION), SpecKind.ofPath("contracts/decisions/adr-001-db.md"));
    }

    @Test
    void finds_the_kind_of_a_file_in_a_subfolder() {
        assertEquals(Optional.of(SpecKind.SPEC), SpecKind.ofPath("contracts/specs/auth/login.md"));
    }

    @Test
    void finds_no_kind_outside_the_three_folders() {
        assertEquals(Optional.empty(), SpecKind.ofPath("contracts/README.md"));
        assertEquals(Optional.empty(), SpecKind.ofPath("contracts/specs"));
        assertEquals(Optional.empty(), SpecKind.ofPath("contracts/specsx/a.md"));
        assertEquals(Optional.empty(), SpecKind.ofPath("docs/specs/a.md"));
        assertEquals(Optional.empty(), SpecKind.ofPath("Contracts/specs/a.md"));
    }

    @Test
    void parses_each_label() {
        assertEquals(Optional.of(SpecKind.SPEC), SpecKind.parse("spec"));
        assertEquals(Optional.of(SpecKind.ARCHITECTURE), SpecKind.parse("architecture"));
        assertEquals(Optional.of(SpecKind.DECISION), SpecKind.parse("decision"));
        assertEquals(Optional.empty(), SpecKind.parse("adr"));
        assertEquals(Optional.empty(), SpecKind.parse("Spec"));
    }

    @Test
    void each_kind_has_its_folder_prefix_and_required_sections() {
        assertEquals("contracts/specs", SpecKind.SPEC.folder());
        assertEquals("feature", SpecKind.SPEC.idPrefix());
        assertEquals(List.of("Overview", "Requirements"), SpecKind.SPEC.requiredSections());
        assertEquals("contracts/architecture", SpecKind.ARCHITECTURE.folder());
        assertEquals("arch", SpecKind.ARCHITECTURE.idPrefix());
        assertEquals(List.of("Overview"), SpecKind.ARCHITECTURE.requiredSections());
        assertEquals("contracts/decisions", SpecKind.DECISION.folder());
        assertEquals("adr", SpecKind.DECISION.idPrefix());
        assertEquals(List.of("Context", "Decision"), SpecKind.DECISION.requiredSections());
    }
}
