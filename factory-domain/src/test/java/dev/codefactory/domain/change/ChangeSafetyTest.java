package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.plan.Edit;
import dev.codefactory.domain.plan.FileChange;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-012
class ChangeSafetyTest {

    private static final Limits ROOMY = new Limits(10, 10_000);
    private static final Predicate<String> NOTHING_BINARY = p -> false;

    private static List<String> problems(FileChange change) {
        return texts(ChangeSafety.problems(List.of(change), NOTHING_BINARY, Set.of(change.path()), ROOMY));
    }

    private static List<String> texts(List<EditProblem> problems) {
        return problems.stream().map(EditProblem::toString).toList();
    }

    private static void assertOneProblem(String path, String expectedStart) {
        List<String> problems = problems(new FileChange.Delete(path));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(expectedStart), problems.get(0));
    }

    @Test
    void accepts_planned_changes_within_the_limits() {
        List<FileChange> changes = List.of(new FileChange.Create("src/A.java", "class A {}\n"),
                new FileChange.Modify("src/B.java", List.of(new Edit("b", "bb"))), new FileChange.Delete("docs/old.md"));
        assertEquals(List.of(), ChangeSafety.problems(changes, NOTHING_BINARY,
                Set.of("src/A.java", "src/B.java", "docs/old.md"), ROOMY));
    }

    @Test
    void refuses_absolute_paths() {
        assertOneProblem("/etc/passwd", "/etc/passwd: it is absolute: give the path relative to the project root");
        assertOneProblem("C:/Windows/x", "C:/Windows/x: it is absolute");
        assertOneProblem("~/notes", "~/notes: it is absolute");
    }

    @Test
    void refuses_dot_dot_segments_but_not_dots_inside_names() {
        assertOneProblem("src/../../x", "src/../../x: it contains a '..' segment: stay inside the project");
        assertEquals(List.of(), problems(new FileChange.Delete("src/a..b/x.txt")));
    }

    @Test
    void refuses_git_and_factory_directories() {
        assertOneProblem(".git/config", ".git/config: it is inside .git");
        assertOneProblem(".git", ".git: it is inside .git");
        assertOneProblem("sub/.git/hooks/pre-commit", "sub/.git/hooks/pre-commit: it is inside .git");
        assertOneProblem(".factory/state.json", ".factory/state.json: it is inside .factory");
        assertOneProblem(".factory", ".factory: it is inside .factory");
        assertEquals(List.of(), problems(new FileChange.Delete(".gitignore")));
        assertEquals(List.of(), problems(new FileChange.Delete("docs/.factory/x")));
    }

    @Test
    void refuses_nul_and_backslashes() {
        assertOneProblem("src\\A.java", "src\\A.java: it contains backslashes: use forward slashes");
        assertOneProblem("a\u0000b", "a^@b: it contains a NUL character");
    }

    @Test
    void refuses_control_characters_in_paths_showing_them() {
        assertOneProblem("src/\u001b[2J.java", "src/^[[2J.java: it contains control characters");
        assertOneProblem("a\nb\tc", "a^Jb^Ic: it contains control characters");
        assertOneProblem("src/x\u202egnp.exe", "src/x<U+202E>gnp.exe: it contains control characters");
    }

    @Test
    void refuses_binary_files_and_symlinks() {
        FileChange change = new FileChange.Modify("img/logo.png", List.of(new Edit("x", "y")));
        List<String> problems = texts(ChangeSafety.problems(List.of(change), "img/logo.png"::equals,
                Set.of("img/logo.png"), ROOMY));
        assertEquals(List.of("img/logo.png: it is a binary file or a symbolic link: Code-Factory does not write"
                + " those; leave it out of the change and edit it by hand"), problems);
    }

    @Test
    void leaves_out_a_file_not_in_the_approved_plan_without_refusing_the_rest() {
        ChangeSafety.Checked checked = ChangeSafety.check(List.of(new FileChange.Delete("src/Other.java"),
                new FileChange.Modify("src/A.java", List.of(new Edit("a", "b"))),
                new FileChange.Create("src/Other.java", "again")), NOTHING_BINARY, Set.of("src/A.java"), ROOMY);

        assertEquals(List.of(), checked.problems());
        assertEquals(List.of("src/Other.java: left out: it is not in the approved plan, so the model's edit of it is"
                + " never written (revise the plan to include it, in another change)"), texts(checked.outsidePlan()),
                "named once");
    }

    @Test
    void a_file_left_out_of_the_plan_does_not_count_towards_the_limits() {
        List<FileChange> changes = List.of(new FileChange.Create("a", "12345"), new FileChange.Create("b", "1234567"));

        ChangeSafety.Checked checked = ChangeSafety.check(changes, NOTHING_BINARY, Set.of("a"), new Limits(1, 5));

        assertEquals(List.of(), checked.problems());
        assertEquals(List.of("b"), checked.outsidePlan().stream().map(EditProblem::path).toList());
    }

    @Test
    void a_path_that_may_never_be_written_is_refused_even_outside_the_plan() {
        List<FileChange> changes = List.of(new FileChange.Create(".git/hooks/pre-commit", "rm -rf /"),
                new FileChange.Delete("../x"), new FileChange.Create("/etc/passwd", "x"),
                new FileChange.Modify("img/logo.png", List.of(new Edit("x", "y"))));

        ChangeSafety.Checked checked = ChangeSafety.check(changes, "img/logo.png"::equals, Set.of("src/A.java"),
                ROOMY);

        assertEquals(List.of(".git/hooks/pre-commit", "../x", "/etc/passwd"), checked.problems().stream()
                .map(EditProblem::path).toList());
        assertEquals(List.of("img/logo.png"), checked.outsidePlan().stream().map(EditProblem::path).toList(),
                "a binary file outside the plan is left out like any other: it is never written either");
    }

    @Test
    void refuses_more_files_than_the_limit_naming_those_beyond_it() {
        List<FileChange> changes = List.of(new FileChange.Delete("a"), new FileChange.Delete("b"),
                new FileChange.Delete("c"));
        List<String> problems = texts(ChangeSafety.problems(changes, NOTHING_BINARY, Set.of("a", "b", "c"),
                new Limits(2, 100)));
        assertEquals(List.of("the change touches 3 files, more than the limit of 2 (beyond it: c): split it into"
                + " smaller changes"), problems);
    }

    @Test
    void refuses_more_bytes_than_the_limit_counting_new_files_and_replacements() {
        List<FileChange> changes = List.of(new FileChange.Create("a", "12345"),
                new FileChange.Modify("b", List.of(new Edit("x", "123"), new Edit("y", "é"))));
        List<String> ok = texts(ChangeSafety.problems(changes, NOTHING_BINARY, Set.of("a", "b"), new Limits(5, 10)));
        List<String> tooMuch = texts(ChangeSafety.problems(changes, NOTHING_BINARY, Set.of("a", "b"), new Limits(5, 9)));

        assertEquals(List.of(), ok);
        assertEquals(List.of("the change writes 10 bytes, more than the limit of 9 (the most in a: 5 bytes): split it"
                + " into smaller changes or raise the limit"), tooMuch);
    }

    @Test
    void limits_must_be_sensible() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, -1));
    }
}
