package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committed review records the specs it found compliant as reconciled with HEAD (feature-010, FR-010). */
class ReviewReconcileTest {
    private static final String LOGIN = "src/main/java/app/auth/LoginService.java";
    private static final String SPEC = "contracts/specs/user-login.md";
    private static final String MET = "{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[{\"file\":\""
            + LOGIN + "\",\"startLine\":3,\"endLine\":5}],\"note\":\"compared\"}],\"findings\":[]}";
    private static final String MISSING = MET.replace("\"met\"", "\"missing\"");

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "shop", model);
        project.write(SPEC, "---\nid: feature-001\ntitle: User login\nstatus: implemented\ncreated: 2026-11-20\n"
                + "updated: 2026-11-20\ntags: [auth]\n---\n\n# User login\n\n## Overview\n\nPeople sign in through"
                + " `LoginService`.\n\n## Requirements\n\n### Functional\n\n"
                + "- `LoginService` checks the password against the stored hash.\n");
        project.write(LOGIN, "package app.auth;\n\nclass LoginService {\n    boolean login(String user, String password) {\n"
                + "        return hashes.matches(user, password);\n    }\n}\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "shop");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    // covers feature-010/FR-010
    @Test
    void a_compliant_spec_is_reconciled_with_head_in_the_review_commit() throws IOException {
        String head = project.git("rev-parse", "HEAD").strip();
        String before = project.read(SPEC);
        model.reviews.add(MET);

        Result r = project.run("review", "--commit", "--yes", "--spec", "feature-001");

        assertEquals(0, r.exit(), r.err());
        assertEquals(before.replace("tags: [auth]\n", "tags: [auth]\nreconciled: " + head + "\n"), project.read(SPEC));
        String committed = project.git("show", "--name-only", "--format=%s", "HEAD");
        assertTrue(committed.contains(SPEC), committed);
        assertEquals("", project.git("status", "--porcelain"));
        // and drift then counts from the review's own commit: nothing drifted
        Result drift = project.run("drift", "--fail-on", "drift");
        assertEquals(0, drift.exit(), drift.out());
        assertTrue(drift.out().contains("in sync"), drift.out());
    }

    // covers feature-010/FR-010
    @Test
    void a_spec_not_found_compliant_or_a_review_not_committed_records_nothing() throws IOException {
        String before = project.read(SPEC);
        model.reviews.add(MISSING);
        assertEquals(0, project.run("review", "--commit", "--yes", "--spec", "feature-001").exit());
        assertEquals(before, project.read(SPEC));

        model.reviews.add(MET);
        assertEquals(0, project.run("review", "--yes", "--spec", "feature-001").exit());
        assertFalse(project.read(SPEC).contains("reconciled:"), project.read(SPEC));
    }
}
