package dev.codefactory.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.workspace.Syntax.Kind;
import dev.codefactory.domain.workspace.Syntax.Open;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTest {

    /** The tokens of {@code line} as "KIND:text". */
    private static List<String> tokens(String path, String line) {
        return shown(line, Syntax.forPath(path).orElseThrow().line(line, Open.NOTHING));
    }

    private static List<String> shown(String line, Syntax.Line tokens) {
        return tokens.tokens().stream().map(t -> t.kind() + ":" + line.substring(t.start(), t.end())).toList();
    }

    @Test
    void java_keywords_strings_numbers_and_comments() {
        assertEquals(List.of("KEYWORD:public", "KEYWORD:static", "KEYWORD:final", "STRING:\"a \\\" b\"",
                "NUMBER:42", "STRING:'x'", "COMMENT:// done"),
                tokens("src/A.java", "public static final String S = \"a \\\" b\" + 42 + 'x'; // done"));
    }

    @Test
    void a_keyword_inside_a_name_or_after_a_dot_is_not_one() {
        assertEquals(List.of("KEYWORD:return"), tokens("A.java", "return classic.default + newValue + x1;"));
    }

    @Test
    void a_block_comment_runs_over_lines() {
        Syntax java = Syntax.forPath("A.java").orElseThrow();

        Syntax.Line first = java.line("int a; /* starts", Open.NOTHING);
        Syntax.Line second = java.line(" still inside */ int b;", first.open());

        assertEquals(Open.BLOCK_COMMENT, first.open());
        assertEquals(List.of("KEYWORD:int", "COMMENT:/* starts"), shown("int a; /* starts", first));
        assertEquals(List.of("COMMENT: still inside */", "KEYWORD:int"), shown(" still inside */ int b;", second));
        assertEquals(Open.NOTHING, second.open());
    }

    @Test
    void python_comments_triple_quoted_strings_and_keywords() {
        Syntax python = Syntax.forPath("app.py").orElseThrow();
        assertEquals(List.of("KEYWORD:def", "NUMBER:3", "COMMENT:# why"), tokens("app.py", "def f(x=3):  # why"));

        Syntax.Line open = python.line("    \"\"\"Greets.", Open.NOTHING);
        Syntax.Line close = python.line("    Politely.\"\"\"", open.open());

        assertEquals(Open.TRIPLE_DOUBLE, open.open());
        assertEquals(List.of("STRING:    Politely.\"\"\""), shown("    Politely.\"\"\"", close));
        assertEquals(Open.NOTHING, close.open());
    }

    @Test
    void javascript_and_typescript_template_literals_and_keywords() {
        assertEquals(List.of("KEYWORD:const", "STRING:`hi ${name}`", "COMMENT:/* ok */"),
                tokens("web/app.ts", "const s = `hi ${name}`; /* ok */"));
        assertEquals(List.of("KEYWORD:export", "KEYWORD:function"), tokens("web/App.jsx", "export function App() {"));
    }

    @Test
    void go_raw_strings_span_lines() {
        Syntax go = Syntax.forPath("main.go").orElseThrow();
        Syntax.Line open = go.line("var usage = `first", Open.NOTHING);

        assertEquals(List.of("KEYWORD:var", "STRING:`first"), shown("var usage = `first", open));
        assertEquals(Open.BACKTICK, open.open());
        assertEquals(List.of("KEYWORD:func", "KEYWORD:nil"), tokens("main.go", "func f() error { return_ := nil }"));
    }

    @Test
    void a_string_left_open_ends_at_the_line_end() {
        assertEquals(List.of("STRING:\"no end"), tokens("A.java", "\"no end"));
    }

    @Test
    void languages_it_does_not_know_have_no_lexer() {
        assertTrue(Syntax.forPath("README.md").isEmpty());
        assertTrue(Syntax.forPath("notes.txt").isEmpty());
        assertTrue(Syntax.forPath("src/Main.kt").isPresent());
    }

    @Test
    void a_lexer_keeps_no_state_between_lines() {
        // its speed is a bench question (bench/*.sh), never a timed unit test that fails on a loaded machine
        Syntax java = Syntax.forPath("A.java").orElseThrow();
        String line = "    public static String greet(String name) { return \"Hello, \" + name; } // 1";
        var first = java.line(line, Open.NOTHING);
        for (int i = 0; i < 1000; i++) {
            assertEquals(first, java.line(line, Open.NOTHING));
        }
        assertEquals(Kind.KEYWORD, first.tokens().get(0).kind());
    }
}
