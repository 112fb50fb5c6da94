package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.plan.Edit;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-005
class EditApplierTest {

    private static final String JAVA = "class A {\n"
            + "    int a() {\n"
            + "        return 1;\n"
            + "    }\n"
            + "\n"
            + "    int b() {\n"
            + "        return 2;\n"
            + "    }\n"
            + "}\n";

    private static EditApplier.Applied applied(String original, Edit... edits) {
        return assertInstanceOf(EditApplier.Applied.class, EditApplier.apply(original, List.of(edits)));
    }

    private static EditApplier.Refused refused(String original, Edit... edits) {
        return assertInstanceOf(EditApplier.Refused.class, EditApplier.apply(original, List.of(edits)));
    }

    @Test
    void no_edits_leave_the_text_as_it_was() {
        EditApplier.Applied a = applied("x\r\ny");
        assertEquals("x\r\ny", a.content());
        assertEquals(List.of(), a.notes());
    }

    @Test
    void applies_an_exact_unique_match() {
        EditApplier.Applied a = applied(JAVA, new Edit("        return 2;\n", "        return 22;\n"));

        assertEquals(JAVA.replace("return 2;", "return 22;"), a.content());
        assertEquals(List.of(), a.notes());
    }

    @Test
    void applies_edits_in_order_each_to_the_result_of_the_one_before() {
        EditApplier.Applied a = applied("one\n", new Edit("one\n", "two\n"), new Edit("two\n", "three\n"));
        assertEquals("three\n", a.content());
    }

    @Test
    void an_exact_match_may_be_part_of_a_line() {
        assertEquals("let b = 1;\n", applied("let a = 1;\n", new Edit("a =", "b =")).content());
    }

    @Test
    void a_whole_line_match_wins_over_matches_inside_other_lines() {
        String text = "xfoo\nfoo\n";
        assertEquals("xfoo\nbar\n", applied(text, new Edit("foo\n", "bar\n")).content());
    }

    @Test
    void refuses_a_search_that_appears_twice_naming_the_lines() {
        EditApplier.Refused r = refused(JAVA, new Edit("    }\n", "    } // end\n"));

        assertEquals(0, r.editIndex());
        assertEquals("the search text appears 2 times (lines 4, 8): add surrounding lines to make it unique",
                r.reason());
    }

    @Test
    void matches_ignoring_trailing_whitespace() {
        String text = "a = 1   \nb = 2\t\n";
        EditApplier.Applied a = applied(text, new Edit("a = 1\nb = 2\n", "a = 10\nb = 20\n"));

        assertEquals("a = 10\nb = 20\n", a.content());
        assertEquals(List.of("edit 1 matched at line 1 after ignoring trailing whitespace"), a.notes());
    }

    @Test
    void matches_ignoring_indentation_and_rebases_the_replacement_python_like() {
        String python = "class Greeter:\n"
                + "    def greet(self, name):\n"
                + "        if name:\n"
                + "            return 'hi ' + name\n"
                + "        return 'hi'\n";
        Edit flushLeft = new Edit("if name:\n    return 'hi ' + name\nreturn 'hi'\n",
                "if not name:\n    return 'hi'\nfor part in name.split():\n    print(part)\nreturn 'hi ' + name\n");

        EditApplier.Applied a = applied(python, flushLeft);

        assertEquals("class Greeter:\n"
                + "    def greet(self, name):\n"
                + "        if not name:\n"
                + "            return 'hi'\n"
                + "        for part in name.split():\n"
                + "            print(part)\n"
                + "        return 'hi ' + name\n", a.content());
        assertEquals(List.of("edit 1 matched at line 3 after ignoring indentation; its replacement was re-indented"),
                a.notes());
    }

    @Test
    void rebasing_keeps_a_dedent_below_the_search_indentation() {
        String text = "def f():\n    if x:\n        y()\n";
        Edit edit = new Edit("  y()\n", "  y()\nz()\n"); // the model indented by 2, then dedented by 2
        EditApplier.Applied a = applied(text, edit);

        assertEquals("def f():\n    if x:\n        y()\n      z()\n", a.content());
    }

    @Test
    void an_indentation_match_needs_the_same_relative_indentation() {
        String text = "if a:\n    b()\n";
        EditApplier.Refused r = refused(text, new Edit("if a:\nb()\n", "if a:\nc()\n"));

        assertEquals(0, r.editIndex());
        assertEquals("the search text was not found; the closest lines are 1-2: if a:", r.reason());
    }

    @Test
    void refuses_an_indentation_insensitive_match_that_is_not_unique() {
        String text = "def a():\n    pass\n\ndef b():\n    if x:\n        pass\n";
        EditApplier.Refused r = refused(text, new Edit("pass\n", "return\n"));

        assertEquals("the search text appears 2 times (lines 2, 6): add surrounding lines to make it unique",
                r.reason());
    }

    @Test
    void refuses_a_search_not_found_naming_the_closest_lines() {
        EditApplier.Refused r = refused(JAVA, new Edit("    int b() {\n        return 3;\n    }\n", "x\n"));

        assertEquals(0, r.editIndex());
        assertEquals("the search text was not found; the closest lines are 6-8: int b() {", r.reason());
    }

    @Test
    void refuses_a_search_in_an_empty_file() {
        assertEquals("the search text was not found; the file is empty", refused("", new Edit("a", "b")).reason());
    }

    @Test
    void refuses_the_whole_file_when_the_third_of_three_edits_fails() {
        EditApplier.Refused r = refused(JAVA,
                new Edit("return 1;", "return 10;"),
                new Edit("return 2;", "return 20;"),
                new Edit("return 3;", "return 30;"));

        assertEquals(2, r.editIndex());
        assertEquals(true, r.reason().startsWith("the search text was not found"));
    }

    @Test
    void a_later_edit_sees_the_text_an_earlier_edit_made() {
        EditApplier.Refused r = refused("a\nb\n", new Edit("a\n", "b\n"), new Edit("b\n", "c\n"));

        assertEquals(1, r.editIndex());
        assertEquals("the search text appears 2 times (lines 1, 2): add surrounding lines to make it unique",
                r.reason());
    }

    @Test
    void preserves_crlf_line_endings_whatever_the_edit_uses() {
        String crlf = JAVA.replace("\n", "\r\n");
        EditApplier.Applied a = applied(crlf, new Edit("        return 1;\n", "        // one\n        return 1;\n"));

        assertEquals(crlf.replace("        return 1;\r\n", "        // one\r\n        return 1;\r\n"), a.content());
    }

    @Test
    void crlf_files_also_match_by_indentation() {
        String crlf = "x:\r\n    y = 1\r\n";
        EditApplier.Applied a = applied(crlf, new Edit("y = 1\r\n", "y = 2\r\nz = 3\r\n"));
        assertEquals("x:\r\n    y = 2\r\n    z = 3\r\n", a.content());
    }

    @Test
    void preserves_a_missing_final_newline() {
        assertEquals("a\nB", applied("a\nb", new Edit("b\n", "B\n")).content());
        assertEquals("A\nb", applied("a\nb", new Edit("a\n", "A\n")).content());
    }

    @Test
    void preserves_a_final_newline_when_the_replacement_lacks_one() {
        assertEquals("a\nB\n", applied("a\nb\n", new Edit("b\n", "B")).content());
    }

    @Test
    void deleting_lines_with_an_empty_replacement() {
        assertEquals("a\nc\n", applied("a\nb\nc\n", new Edit("b\n", "")).content());
    }

    @Test
    void lists_at_most_five_lines_of_an_ambiguous_search() {
        String text = "x\n".repeat(7);
        assertEquals("the search text appears 7 times (lines 1, 2, 3, 4, 5, ...): add surrounding lines to make it"
                + " unique", refused(text, new Edit("x\n", "y\n")).reason());
    }

    @Test
    void matches_a_file_indented_with_tabs_where_the_edit_has_spaces_and_writes_tabs() {
        String tabs = "class A {\n\tvoid a() {\n\t\treturn;\n\t}\n}\n";
        EditApplier.Applied a = applied(tabs, new Edit("    void a() {\n        return;\n    }\n",
                "    void a() {\n        log();\n        return;\n    }\n"));

        assertEquals("class A {\n\tvoid a() {\n\t\tlog();\n\t\treturn;\n\t}\n}\n", a.content());
        assertEquals(List.of("edit 1 matched at line 2 after reading its indentation as tabs of 4 columns"), a.notes());
    }

    @Test
    void matches_a_file_indented_with_spaces_where_the_edit_has_tabs() {
        String spaces = "def f():\n  if x:\n    y()\n";
        EditApplier.Applied a = applied(spaces, new Edit("\tif x:\n\t\ty()\n", "\tif x:\n\t\tz()\n"));

        assertEquals("def f():\n  if x:\n    z()\n", a.content());
    }

    @Test
    void a_search_with_one_extra_trailing_blank_line_matches_without_it() {
        String text = "a = 1\nb = 2\nc = 3\n";
        EditApplier.Applied a = applied(text, new Edit("a = 1\nb = 2\n\n", "a = 10\nb = 2\n\n"));

        assertEquals("a = 10\nb = 2\nc = 3\n", a.content());
        assertEquals(List.of("edit 1 matched at line 1 after dropping a trailing blank line from its search text"),
                a.notes());
    }

    @Test
    void two_extra_trailing_blank_lines_are_not_forgiven() {
        assertInstanceOf(EditApplier.Refused.class,
                EditApplier.apply("a\nb\nc\n", List.of(new Edit("a\nb\n\n\n", "x\n"))));
    }

    @Test
    void a_search_that_elides_lines_is_refused_naming_the_elision() {
        EditApplier.Refused r = refused(JAVA, new Edit("    int a() {\n        // ... existing code ...\n    }\n",
                "    int a() {\n        return 7;\n    }\n"));

        assertEquals("the search text was not found: its line 2 (// ... existing code ...) leaves lines out; copy"
                + " every line of the file exactly, without eliding any", r.reason());
    }

    @Test
    void a_spread_operator_is_not_taken_for_an_elision() {
        String js = "f(\n  ...args,\n);\n";
        assertEquals("f(\n  ...rest,\n);\n", applied(js, new Edit("  ...args,\n", "  ...rest,\n")).content());
        assertTrue(refused(js, new Edit("  ...argz,\n", "x\n")).reason().contains("closest lines"));
    }

    @Test
    void apply_each_keeps_the_edits_that_apply_and_reports_every_one_that_does_not() {
        EditApplier.Each each = EditApplier.applyEach(JAVA, List.of(
                new Edit("return 1;", "return 10;"),
                new Edit("return 9;", "return 90;"),
                new Edit("return 2;", "return 20;"),
                new Edit("    }\n", "    } // end\n")));

        assertEquals(JAVA.replace("return 1;", "return 10;").replace("return 2;", "return 20;"), each.content());
        assertEquals(List.of(0, 2), each.applied());
        assertEquals(List.of(1, 3), each.refused().stream().map(EditApplier.Refused::editIndex).toList());
        assertTrue(each.refused().get(1).reason().startsWith("the search text appears 2 times"));
    }
}
