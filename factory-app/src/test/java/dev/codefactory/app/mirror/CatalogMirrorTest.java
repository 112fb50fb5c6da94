package dev.codefactory.app.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.mirror.CatalogMirror.CatalogEntry;
import dev.codefactory.app.mirror.CatalogMirror.CatalogQuery;
import dev.codefactory.app.mirror.CatalogMirror.CatalogView;
import dev.codefactory.app.mirror.CatalogMirror.SpecLink;
import dev.codefactory.app.mirror.CatalogMirror.SpecView;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogMirrorTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    private static String spec(String id, String title, String status, String tag, String priority, String updated,
                               String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\nstatus: " + status + "\ncreated: 2026-01-01\nupdated: "
                + updated + "\nauthor: Ada\ntags: [" + tag + "]\npriority: " + priority + "\n---\n\n# " + title
                + "\n\n## Overview\n" + body + "\n\n## Requirements\n- FR-001: it works\n\n"
                + "## Acceptance Criteria\n- [ ] it works\n";
    }

    private static List<String> ids(CatalogView view) {
        return view.entries().stream().map(CatalogEntry::id).toList();
    }

    @Test
    // covers feature-012/FR-001, feature-012/FR-002
    void the_catalog_and_a_spec_page_come_from_the_project() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
            git.commitFiles(repo, "three specs",
                    "contracts/specs/a.md", spec("feature-001", "Zebra login", "approved", "web", "high",
                            "2026-03-01", "Users log in with a Passkey."),
                    "contracts/specs/b.md", spec("feature-002", "Alpha export", "draft", "cli", "low",
                            "2026-02-01", "Exports like feature-001 and [the login](a.md)."),
                    "contracts/specs/c.md", spec("feature-003", "Middle", "draft", "web", "medium",
                            "2026-01-01", "Nothing, see [gone](gone.md)."),
                    "src/Login.java", "// impl" + "ements feature-001/FR-001\nclass Login {}\n");
            git.commitFiles(repo, "login: say more", "contracts/specs/a.md", spec("feature-001", "Zebra login",
                    "approved", "web", "high", "2026-03-01", "Users log in with a Passkey, fast."));
            CatalogMirror catalog = factory.mirror().catalog();

            CatalogView all = catalog.catalog(CatalogQuery.ALL);
            assertEquals(List.of("feature-001", "feature-002", "feature-003"), ids(all));
            assertEquals(3, all.total());
            assertEquals(Map.of("approved", 1, "draft", 2), all.statusCounts());
            assertEquals(List.of("cli", "web"), all.tags());
            assertEquals(List.of("high", "low", "medium"), all.priorities());
            assertEquals(List.of("feature-002", "feature-003"), ids(catalog.catalog(
                    CatalogQuery.of("draft", null, null, null, null))));
            assertEquals(List.of("feature-003"), ids(catalog.catalog(CatalogQuery.of("draft", "web", null, "", ""))));
            assertEquals(List.of("feature-002"), ids(catalog.catalog(CatalogQuery.of(null, null, "low", null, null))));
            assertEquals(List.of("feature-001"), ids(catalog.catalog(CatalogQuery.of(null, null, null,
                    "PASSKEY zebra", null))));
            assertEquals(List.of(), ids(catalog.catalog(CatalogQuery.of(null, null, null, "passkey alpha", null))));
            assertEquals(List.of("feature-002", "feature-003", "feature-001"),
                    ids(catalog.catalog(CatalogQuery.of(null, null, null, null, "title"))));
            assertEquals(List.of("feature-001", "feature-002", "feature-003"),
                    ids(catalog.catalog(CatalogQuery.of(null, null, null, null, "-updated"))));
            // by rank and by the lifecycle, not by name (by name "high" would come before "low" and "medium")
            assertEquals(List.of("feature-002", "feature-003", "feature-001"),
                    ids(catalog.catalog(CatalogQuery.of(null, null, null, null, "priority"))));
            assertEquals(List.of("feature-001", "feature-003", "feature-002"),
                    ids(catalog.catalog(CatalogQuery.of(null, null, null, null, "-priority"))));
            assertEquals(List.of("feature-002", "feature-003", "feature-001"),
                    ids(catalog.catalog(CatalogQuery.of(null, null, null, null, "status"))));
            CatalogEntry middle = all.entries().get(2);
            assertTrue(middle.errors() + middle.warnings() > 0, "a broken link is a finding: " + middle);
            assertEquals(0, all.entries().get(0).errors() + all.entries().get(0).warnings());

            SpecView login = catalog.spec("feature-001");
            assertEquals("Zebra login", login.spec().title());
            assertTrue(login.body().startsWith("\n# Zebra login"), login.body());
            assertTrue(login.source().startsWith("---\nid: feature-001"));
            assertEquals(List.of("login: say more", "three specs"),
                    login.history().stream().map(c -> c.subject()).toList());
            assertEquals(List.of("src/Login.java:1"), login.requirements().get(0).implementing());
            assertEquals("code only", login.requirements().get(0).coverage());
            assertEquals("not reconciled", login.drift().status());
            assertEquals(List.of("feature-002"), login.incoming().stream().map(SpecLink::id).toList());
            assertEquals(List.of("feature-001"),
                    catalog.spec("feature-002").outgoing().stream().map(SpecLink::id).toList());
            assertEquals(java.util.Optional.of("feature-001"), catalog.linkedSpec("contracts/specs/b.md", "a.md"));
            assertEquals(java.util.Optional.empty(), catalog.linkedSpec("contracts/specs/b.md", "../../README.md"));
            SpecView middleView = catalog.spec("feature-003");
            assertTrue(middleView.findings().stream().allMatch(f -> f.line() > 0), middleView.findings().toString());

            SpecNotFoundException missing = assertThrows(SpecNotFoundException.class,
                    () -> catalog.spec("feature-404"));
            assertTrue(missing.getMessage().contains("feature-404")
                    && missing.getMessage().contains("factory spec list"), missing.getMessage());
        }
    }
}
