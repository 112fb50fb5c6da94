package dev.codefactory.domain.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import dev.codefactory.domain.text.ControlCharacters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"User login", "a-b/c.d (e) +f", "it's", "_private", "/usr/local", "v2", "Login."})
    void writes_plain_text_as_it_is(String text) {
        assertEquals(text, YamlText.scalar(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "False", "yes", "No", "on", "OFF", "y", "N", "null", "NULL", "~", ".inf",
            ".NaN"})
    void quotes_words_a_reader_takes_for_booleans_nulls_or_special_numbers(String word) {
        assertEquals('"' + word + '"', YamlText.scalar(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-05", "1st release", "42", "0x1F", "1e3"})
    void quotes_text_starting_with_a_digit(String text) {
        assertEquals('"' + text + '"', YamlText.scalar(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {".5", ".5e3", ".0"})
    void quotes_text_a_core_schema_reader_takes_for_a_float(String text) {
        assertEquals('"' + text + '"', YamlText.scalar(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Login: SSO", "a:b", "C# #tag", "a, b", "[draft]", "{x}", "- item", "? key", "*ref",
            "&anchor", "!tag", "%dir", "@at", "`tick", "|pipe", ">fold", "a=b", "<<"})
    void quotes_indicators_comments_and_flow_characters(String text) {
        assertEquals('"' + text + '"', YamlText.scalar(text));
    }

    @Test
    void quotes_leading_and_trailing_spaces() {
        assertEquals("\" lead\"", YamlText.scalar(" lead"));
        assertEquals("\"trail \"", YamlText.scalar("trail "));
    }

    @Test
    void quotes_the_empty_string() {
        assertEquals("\"\"", YamlText.scalar(""));
    }

    @Test
    void escapes_double_quotes_and_backslashes() {
        assertEquals("\"say \\\"hi\\\" to C:\\\\temp\"", YamlText.scalar("say \"hi\" to C:\\temp"));
    }

    @Test
    void escapes_line_breaks_and_tabs() {
        assertEquals("\"one\\ntwo\\r\\nthree\\tfour\"", YamlText.scalar("one\ntwo\r\nthree\tfour"));
    }

    @Test
    void escapes_other_control_characters_as_hex() {
        assertEquals("\"bell\\x07 del\\x7f\"", YamlText.scalar("bell\u0007 del\u007f"));
    }

    @Test
    void escapes_c1_control_characters_that_yaml_does_not_allow_raw() {
        assertEquals("\"a\\x80b\\x85c\\x9fd\"", YamlText.scalar("a\u0080b\u0085c\u009fd"));
    }

    @Test
    void escapes_bidirectional_overrides_so_a_front_matter_line_shows_in_its_real_order() {
        assertEquals("\"admin\\u202e \\u2066x\"", YamlText.scalar("admin\u202e \u2066x"));
    }

    @Test
    void keeps_printable_non_ascii_inside_quotes() {
        assertEquals("\"Crème brûlée — 日本\"", YamlText.scalar("Crème brûlée — 日本"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "true", "~", ".5", "Login: SSO", "a #b", "x,y", "[a]", "say \"hi\"",
            "back\\slash", "\\n is not a newline", "line\nbreak", "cr\r\nlf", "tab\there", " both ", "bell\u0007",
            "c1\u0080\u009f", "Crème", "plain words", "trailing\\", "rlo\u202eisolate\u2067"})
    void reads_back_as_the_same_string(String text) {
        assertEquals(text, readBack(YamlText.scalar(text)));
    }

    @Test
    void writes_an_empty_flow_sequence() {
        assertEquals("[]", YamlText.sequence(List.of()));
    }

    @Test
    void writes_a_flow_sequence_quoting_items_that_need_it() {
        assertEquals("[auth, \"a, b\", \"true\", \"[x]\"]", YamlText.sequence(List.of("auth", "a, b", "true", "[x]")));
    }

    /**
     * A reader for exactly what {@link YamlText#scalar} may write: a plain scalar (taken as it is, after checking it
     * has nothing a reader would treat specially) or a double-quoted one with the escapes YAML defines.
     */
    private static String readBack(String yaml) {
        if (!yaml.startsWith("\"")) {
            assertTrue(yaml.matches("[A-Za-z_./][A-Za-z0-9 _.()/+'-]*") && !yaml.endsWith(" "), yaml);
            return yaml;
        }
        assertTrue(yaml.length() >= 2 && yaml.endsWith("\""), yaml);
        String inner = yaml.substring(1, yaml.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"') {
                fail("unescaped quote inside " + yaml);
            }
            if (ControlCharacters.isUnsafe(c)) {
                fail("raw control character " + (int) c + " inside " + yaml);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = inner.charAt(++i);
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'x':
                    out.append((char) Integer.parseInt(inner.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                case 'u':
                    out.append((char) Integer.parseInt(inner.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default:
                    fail("unknown escape \\" + e + " in " + yaml);
            }
        }
        return out.toString();
    }
}
