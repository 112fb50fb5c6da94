package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

// covers feature-005/FR-003
class ModelMarkdownStreamTest {

    private static final String SPEC = "# Login\n\n## Overview\n\nPeople sign in. Ünïcødé 日本語 ✓ 🚀\n\n## Requirements\n\n"
            + "- A user can sign in.\n- A user can sign out.\n";
    private static final String API = "# Api\n\n## Example\n\n```java\nclass A {}\n```\n\n## Plain\n\n```\nraw\n```\n\n"
            + "## End\n\nDone.\n";

    /** What models really send: chatter, fences, front matter, sign-offs, odd line endings, cut-off answers. */
    private static final List<String> ANSWERS = List.of(
            SPEC,
            "Sure! Here is the spec:\n\n```markdown\n" + SPEC + "```\n\nLet me know if you want changes.",
            "Here it is:\n```markdown\n---\ntitle: Login\nstatus: done\n---\n" + SPEC + "```\nBye!",
            "```md\n\n\n" + SPEC + "\n\n```\n",
            "~~~markdown\n" + SPEC + "~~~",
            "````markdown\n" + API + "````\nHope this helps.",
            "Here it is:\n```markdown\n" + API + "```\nBye!",
            "```markdown\n" + API,
            "---\nid: x\ntitle: Login\n---\n\n" + SPEC,
            "Here:\n---\ntitle: Login\n---\n" + SPEC,
            "Sure! Here is the spec.\n\n" + SPEC + "\n---\n\nLet me know if you'd like changes.\nCheers",
            SPEC + "\nI hope this helps!\n\nFeel free to ask.\n",
            SPEC + "\n**This spec** covers the basics only.",
            SPEC + "\nI hope this helps, and here is more:\n\n- A user can reset a password.\n",
            SPEC + "\nLet me know\nif this\nis what\nyou need.\n",
            "# Login\n\n## Related Specs\n\nThis spec depends on sessions.\n",
            "# Login\n\n## Notes\n\nLet me know A\n\nI hope B\n",
            "# Login\n\ntext\n\n---\n\n---\n\nLet me know\n",
            "Example output:\n```json\n{\"a\": 1}\n```\nNow the spec:\n```markdown\n" + SPEC + "```\n",
            "Here:\n```\njust text\n```\n",
            "\n\nJust some words.\n\n\n",
            "```markdown\r\n# T\r\n\r\ntext\r\n```\r\n",
            "# T\r\rtext\r",
            "\uFEFF# T\n",
            "#hashtag chatter\n# Real\n\ntext\n",
            "```markdown\n# T\n\n- item\n  ```\n  code\n  ```\n```\n",
            "# Login\u001b]0;pwned\u0007\n\n## Overview\n\n\u001b[2JPeople\tsign in\u202e.\n",
            "# T\n\n```\n## not a heading\n\nLet me know\n```\n\nI hope\n",
            "```markdown\n# T\n\n```java\nx\n```\n\n## Next\n\nmore",
            "Sure!\r\n\r\n```markdown\r\n---\r\ntitle: x\r\n---\r\n" + SPEC.replace("\n", "\r\n") + "```\r\nEnjoy!",
            "",
            "   \n\n",
            "```markdown\n```");

    /** Feeds {@code pieces} one by one, checking that all given so far begins what extract gives for the whole. */
    private static String stream(String raw, List<String> pieces) {
        String expected = ModelMarkdown.extract(raw).body();
        ModelMarkdownStream stream = new ModelMarkdownStream();
        StringBuilder shown = new StringBuilder();
        for (String piece : pieces) {
            shown.append(stream.feed(piece));
            assertTrue(expected.startsWith(shown.toString()), () -> "shown too early, or what is not the spec, for "
                    + show(raw) + " in " + pieces.size() + " pieces:\n" + show(shown.toString()));
        }
        shown.append(stream.finish());
        assertEquals(shown.toString(), stream.given());
        return shown.toString();
    }

    private static List<String> chunks(String raw, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.length(); i += size) {
            out.add(raw.substring(i, Math.min(raw.length(), i + size)));
        }
        return out;
    }

    private static String show(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    @Test
    void gives_what_extract_gives_whatever_the_chunks() {
        Random random = new Random(21);
        for (String raw : ANSWERS) {
            String expected = ModelMarkdown.extract(raw).body();
            for (int size : new int[] {1, 2, 3, 5, 7, 13, 64, Math.max(1, raw.length())}) {
                assertEquals(expected, stream(raw, chunks(raw, size)), show(raw) + " in chunks of " + size);
            }
            for (int cut = 0; cut <= raw.length(); cut++) { // two pieces, split at every place
                assertEquals(expected, stream(raw, List.of(raw.substring(0, cut), raw.substring(cut))),
                        show(raw) + " split at " + cut);
            }
            for (int round = 0; round < 20; round++) {
                List<String> pieces = new ArrayList<>();
                for (int i = 0; i < raw.length(); ) {
                    int n = 1 + random.nextInt(12);
                    pieces.add(raw.substring(i, Math.min(raw.length(), i + n)));
                    i += n;
                }
                assertEquals(expected, stream(raw, pieces), show(raw) + " in random pieces");
            }
        }
    }

    @Test
    void an_answer_cut_off_anywhere_gives_what_extract_gives_for_what_came() {
        for (String whole : ANSWERS) {
            for (int end = 0; end <= whole.length(); end++) {
                String raw = whole.substring(0, end);
                assertEquals(ModelMarkdown.extract(raw).body(), stream(raw, chunks(raw, 3)), show(raw));
            }
        }
    }

    @Test
    void chatter_the_opening_fence_and_front_matter_are_never_shown() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        assertEquals("", stream.feed("Sure! Here is the spec you asked for:\n\n```markdown\n---\ntitle: mine\n"));
        assertEquals("", stream.feed("status: done\n---\n"));
        assertEquals("# Login\n", stream.feed("# Login\n"));
    }

    @Test
    void a_line_of_the_spec_is_shown_as_its_characters_arrive() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        assertEquals("# Login\n\n## Overview\n\nPeople si", stream.feed("```markdown\n# Login\n\n## Overview\n\nPeople si"));
        assertEquals("gn in", stream.feed("gn in"));
        assertEquals(".\n", stream.feed(".\n"));
    }

    @Test
    void the_closing_fence_and_the_sign_off_after_it_are_held_back_and_dropped() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        String shown = stream.feed("```markdown\n" + SPEC) + stream.feed("``") + stream.feed("`\n\nLet me know if")
                + stream.feed(" you want changes.");
        assertEquals(SPEC, shown);
        assertEquals("", stream.finish());
    }

    @Test
    void a_trailing_sign_off_is_held_until_the_spec_goes_on_after_it() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        assertEquals(SPEC, stream.feed(SPEC + "\nI hope this helps, and here is more:\n"));
        assertEquals("\nI hope this helps, and here is more:\n\n- A user", stream.feed("\n- A user"));
        assertEquals(" can reset a password.\n", stream.feed(" can reset a password.\n") + stream.finish());
    }

    @Test
    void the_spec_after_a_code_block_inside_the_wrapper_is_shown_when_its_heading_comes() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        String shown = stream.feed("Here it is:\n```markdown\n# Api\n\n## Example\n\n```java\nclass A {}\n```\n\n");
        assertEquals("# Api\n\n## Example\n\n```java\nclass A {}\n", shown, "the fence may close the wrapper");
        assertEquals("```\n\n## Plain\n", stream.feed("## Plain\n"));
    }

    @Test
    void half_a_character_waits_for_its_other_half() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        String rocket = "🚀";
        assertEquals("# T\n\nGo ", stream.feed("# T\n\nGo " + rocket.charAt(0)));
        assertEquals(rocket, stream.feed(String.valueOf(rocket.charAt(1))));
    }

    @Test
    void control_characters_are_written_out_as_extract_does() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        String shown = stream.feed("# Login\u001b]0;pwned") + stream.feed("\u0007\n\nx\u202e") + stream.finish();
        assertEquals("# Login^[]0;pwned^G\n\nx<U+202E>\n", shown);
    }

    @Test
    void an_answer_without_a_heading_is_shown_at_its_end() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        assertEquals("", stream.feed("Just some words.\n"));
        assertEquals("Just some words.\n", stream.finish());
        assertFalse(stream.given().isEmpty());
    }

    @Test
    void nothing_can_be_fed_after_the_end() {
        ModelMarkdownStream stream = new ModelMarkdownStream();
        stream.finish();
        assertThrows(IllegalStateException.class, () -> stream.feed("more"));
        assertEquals("", stream.finish());
    }
}
