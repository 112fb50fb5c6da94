package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-001/FR-007
class CatalogIndexTest {

    private static Specification spec(String path, SpecKind kind, String id, String title, Priority priority) {
        return new Specification(path, kind, new SpecId(id), title, SpecStatus.APPROVED, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 2, 1), "", List.of(), priority, Map.of(), List.of());
    }

    private static final List<Specification> CATALOG = List.of(
            spec("contracts/specs/feature-002-logout.md", SpecKind.SPEC, "feature-002", "Logout", null),
            spec("contracts/decisions/adr-001-db.md", SpecKind.DECISION, "adr-001", "Use Postgres", Priority.LOW),
            spec("contracts/specs/feature-001-login.md", SpecKind.SPEC, "feature-001", "Login", Priority.HIGH));

    @Test
    void renders_none_yet_for_every_kind_of_an_empty_catalog() {
        assertEquals(CatalogIndex.START + "\n"
                + "\n### Specifications (0)\n\nNone yet.\n"
                + "\n### Architecture (0)\n\nNone yet.\n"
                + "\n### Decisions (0)\n\nNone yet.\n"
                + "\n" + CatalogIndex.END + "\n", CatalogIndex.render(List.of()));
    }

    @Test
    void starts_and_ends_with_the_markers() {
        String out = CatalogIndex.render(CATALOG);

        assertTrue(out.startsWith(CatalogIndex.START + "\n"), out);
        assertTrue(out.endsWith("\n" + CatalogIndex.END + "\n"), out);
    }

    @Test
    void groups_by_kind_with_counts_in_kind_order() {
        String out = CatalogIndex.render(CATALOG);

        int specs = out.indexOf("\n### Specifications (2)\n");
        int architecture = out.indexOf("\n### Architecture (0)\n\nNone yet.\n");
        int decisions = out.indexOf("\n### Decisions (1)\n");
        assertTrue(specs > 0 && architecture > specs && decisions > architecture, out);
    }

    @Test
    void writes_one_row_per_contract_linked_relative_to_contracts() {
        String out = CatalogIndex.render(CATALOG);

        assertTrue(out.contains("| ID | Title | Status | Priority | Updated |\n|---|---|---|---|---|\n"
                + "| feature-001 | [Login](specs/feature-001-login.md) | approved | high | 2024-02-01 |\n"
                + "| feature-002 | [Logout](specs/feature-002-logout.md) | approved |  | 2024-02-01 |\n"), out);
        assertTrue(out.contains(
                "| adr-001 | [Use Postgres](decisions/adr-001-db.md) | approved | low | 2024-02-01 |\n"), out);
    }

    @Test
    void sorts_rows_by_id() {
        String out = CatalogIndex.render(List.of(
                spec("contracts/specs/b.md", SpecKind.SPEC, "feature-010", "Ten", null),
                spec("contracts/specs/c.md", SpecKind.SPEC, "auth", "Auth", null),
                spec("contracts/specs/a.md", SpecKind.SPEC, "feature-002", "Two", null)));

        assertTrue(out.indexOf("| auth |") < out.indexOf("| feature-002 |"), out);
        assertTrue(out.indexOf("| feature-002 |") < out.indexOf("| feature-010 |"), out);
    }

    @Test
    void escapes_pipes_brackets_and_backslashes_in_titles() {
        String out = CatalogIndex.render(List.of(
                spec("contracts/specs/a.md", SpecKind.SPEC, "feature-001", "In | out [v2] C:\\x", null)));

        assertTrue(out.contains("[In \\| out \\[v2\\] C:\\\\x](specs/a.md)"), out);
    }

    @Test
    void encodes_spaces_in_link_paths() {
        String out = CatalogIndex.render(List.of(
                spec("contracts/specs/my login.md", SpecKind.SPEC, "feature-001", "Login", null)));

        assertTrue(out.contains("(specs/my%20login.md)"), out);
    }
}
