package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.change.DiffLines.Kind;
import dev.codefactory.domain.workspace.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-004
class DiffLinesTest {

    private static final String BEFORE = "class Greeter {\n    String greet(String name) {\n"
            + "        return \"Hello, \" + name;\n    }\n}\n";
    private static final String AFTER = "class Greeter {\n    String greet(String name) {\n"
            + "        return \"Hi, \" + name;\n    }\n\n    String bye() {\n        return \"bye\";\n    }\n}\n";

    private static List<String> changed(DiffLines.Line line) {
        return line.changed().stream().map(s -> line.text().substring(s.start(), s.end())).toList();
    }

    @Test
    void reads_each_line_of_a_diff_and_marks_the_words_that_changed() {
        List<DiffLines.Line> lines = DiffLines.of("src/Greeter.java", UnifiedDiff.of("src/Greeter.java", BEFORE,
                AFTER, 3));

        assertEquals(List.of(Kind.HEADER, Kind.HEADER, Kind.HUNK, Kind.CONTEXT, Kind.CONTEXT, Kind.REMOVED,
                Kind.ADDED, Kind.ADDED, Kind.ADDED, Kind.ADDED, Kind.ADDED, Kind.CONTEXT, Kind.CONTEXT),
                lines.stream().map(DiffLines.Line::kind).toList());
        DiffLines.Line removed = lines.get(5);
        DiffLines.Line added = lines.get(6);
        assertEquals("-        return \"Hello, \" + name;", removed.text());
        assertEquals(List.of("Hello"), changed(removed));
        assertEquals(List.of("Hi"), changed(added));
        assertEquals(List.of(), changed(lines.get(9)), "an added line with no removed one to pair with");
    }

    @Test
    void marks_the_syntax_of_each_line_past_its_prefix() {
        List<DiffLines.Line> lines = DiffLines.of("src/Greeter.java", UnifiedDiff.of("src/Greeter.java", BEFORE,
                AFTER, 3));

        DiffLines.Line added = lines.get(6);
        List<String> tokens = added.syntax().stream().map(t -> t.kind() + ":"
                + added.text().substring(t.start(), t.end())).toList();
        assertEquals(List.of("KEYWORD:return", "STRING:\"Hi, \""), tokens);
        assertEquals(List.of(), lines.get(0).syntax(), "no syntax in the header");
    }

    @Test
    void a_block_comment_opened_on_one_side_does_not_colour_the_other() {
        String diff = "--- a/A.java\n+++ b/A.java\n@@ -1,2 +1,2 @@\n-/* old\n+int x;\n  int y;\n";

        List<DiffLines.Line> lines = DiffLines.of("A.java", diff);

        DiffLines.Line context = lines.get(5);
        assertEquals(Kind.CONTEXT, context.kind());
        assertEquals(List.of(Syntax.Kind.KEYWORD), context.syntax().stream().map(Syntax.Token::kind).toList(),
                "read as the new side has it");
    }

    @Test
    void a_file_of_an_unknown_language_has_no_syntax_but_its_changed_words() {
        List<DiffLines.Line> lines = DiffLines.of("README.md", "--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n"
                + "-greeter\n+greeter, and farewell\n\\ No newline at end of file\n");

        assertTrue(lines.stream().allMatch(l -> l.syntax().isEmpty()));
        assertEquals(List.of(", and farewell"), changed(lines.get(4)));
        assertEquals(Kind.OTHER, lines.get(5).kind());
    }
}
