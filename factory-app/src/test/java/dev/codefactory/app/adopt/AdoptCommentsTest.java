package dev.codefactory.app.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace-link comments adoption adds to code with the person's consent, in the file's own comment syntax. */
// covers feature-011/FR-010
class AdoptCommentsTest {
    private static final String LINK = "impl" + "ements feature-004/FR-001";

    @Test
    void a_comment_goes_above_its_line_indented_as_that_line() {
        String text = "class A {\n    void list() {\n    }\n}\n";
        assertEquals("class A {\n    // " + LINK + "\n    void list() {\n    }\n}\n",
                AdoptWriting.withComments("src/A.java", text, List.<String[]>of(new String[] {"2", LINK})));
    }

    @Test
    void a_python_file_gets_a_hash_comment() {
        String text = "@app.route('/x')\ndef x():\n    pass\n";
        assertEquals("# " + LINK + "\n@app.route('/x')\ndef x():\n    pass\n",
                AdoptWriting.withComments("app/views.py", text, List.<String[]>of(new String[] {"1", LINK})));
    }

    @Test
    void a_crlf_file_keeps_crlf_line_endings() {
        String text = "class A {\r\n  void list() {\r\n  }\r\n}\r\n";
        assertEquals("class A {\r\n  // " + LINK + "\r\n  void list() {\r\n  }\r\n}\r\n",
                AdoptWriting.withComments("src/A.java", text, List.<String[]>of(new String[] {"2", LINK})));
    }

    @Test
    void a_comment_already_there_is_not_added_twice() {
        String text = "class A {\n    // " + LINK + "\n    void list() {\n    }\n}\n";
        assertEquals(text, AdoptWriting.withComments("src/A.java", text, List.<String[]>of(new String[] {"3", LINK})));
    }
}
