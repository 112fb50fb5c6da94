package dev.codefactory.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void reads_objects_in_document_order() {
        Object value = JsonReader.parse("{\"b\": 1, \"a\": [true, false, null], \"c\": {}}");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()));
        assertEquals(1L, map.get("b"));
        assertEquals(Arrays.asList(true, false, null), map.get("a"));
        assertEquals(Map.of(), map.get("c"));
    }

    @Test
    void returns_json_null_as_java_null_and_keeps_the_member() {
        Map<?, ?> map = (Map<?, ?>) JsonReader.parse("{\"x\": null}");
        assertTrue(map.containsKey("x"));
        assertNull(map.get("x"));
        assertNull(JsonReader.parse(" null "));
    }

    @Test
    void a_repeated_key_keeps_its_last_value() {
        assertEquals(Map.of("a", 2L), JsonReader.parse("{\"a\":1,\"a\":2}"));
    }

    @Test
    void reads_integers_as_long_and_other_numbers_as_big_decimal() {
        assertEquals(-42L, JsonReader.parse("-42"));
        assertEquals(0L, JsonReader.parse("0"));
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(new BigDecimal("9223372036854775808"), JsonReader.parse("9223372036854775808"));
        assertEquals(new BigDecimal("1.50"), JsonReader.parse("1.50"));
        assertEquals(new BigDecimal("-2.5E+3"), JsonReader.parse("-2.5e+3"));
        assertEquals(new BigDecimal("1E-2"), JsonReader.parse("1E-2"));
    }

    @Test
    void decodes_every_escape() {
        assertEquals("\" \\ / \b \f \n \r \t \u00e9", JsonReader.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9\""));
    }

    @Test
    void decodes_surrogate_pairs_into_one_code_point() {
        String s = (String) JsonReader.parse("\"\\ud83d\\ude00\"");
        assertEquals("\uD83D\uDE00", s);
        assertEquals(1, s.codePointCount(0, s.length()));
    }

    @Test
    void keeps_unescaped_unicode_as_is() {
        assertEquals("caf\u00e9 \uD83D\uDE00 \u2028", JsonReader.parse("\"caf\u00e9 \uD83D\uDE00 \u2028\""));
    }

    @Test
    void round_trips_what_json_writer_writes() {
        String original = "line\nbreak \"quoted\" \\ \u0001 \u2029 tab\t";
        assertEquals(original, JsonReader.parse(JsonWriter.compact(original)));
    }

    @Test
    void accepts_nesting_up_to_the_limit() {
        String json = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        Object value = JsonReader.parse(json);
        for (int i = 1; i < JsonReader.MAX_DEPTH; i++) {
            value = ((List<?>) value).get(0);
        }
        assertEquals(List.of(), value);
    }

    @Test
    void refuses_nesting_beyond_the_limit() {
        int depth = JsonReader.MAX_DEPTH + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parse("[".repeat(depth) + "]".repeat(depth)));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }

    @Test
    void survives_hostile_nesting_without_overflowing_the_stack() {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":".repeat(100_000)));
    }

    @Test
    void names_the_offset_of_the_error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parse("{\"a\": 1,, }"));
        assertTrue(e.getMessage().contains("offset 8"), e.getMessage());
    }

    @Test
    void rejects_trailing_garbage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parse("{} x"));
        assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,]", "[1 2]", "{\"a\"}", "{\"a\":}", "{a:1}", "{'a':1}", "[01]",
            "[-]", "[1.]", "[.5]", "[1e]", "[+1]", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\u12G4\"", "tru", "nul",
            "True", "[NaN]", "[Infinity]", "{\"a\":1,}", "\"tab\there\"", "\"new\nline\"", "]", "[1]]", "/* c */ 1",
            "{\"a\" 1}", "[\"a\" : 1]", "\"\\\""})
    void rejects_malformed_json(String json) {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(json));
    }

    @Test
    void rejects_null_text() {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(null));
    }

    @Test
    void parses_a_prefix_and_reports_where_it_ended() {
        String text = "Here you go: [\"a\", \"b\"] -- thanks [1]";
        int[] end = new int[1];
        Object value = JsonReader.parsePrefix(text, text.indexOf('['), end);
        assertEquals(List.of("a", "b"), value);
        assertEquals(text.indexOf(" --"), end[0]);
    }

    @Test
    void a_prefix_may_start_with_whitespace() {
        int[] end = new int[1];
        assertEquals(7L, JsonReader.parsePrefix("x   7,", 1, end));
        assertEquals(5, end[0]);
    }

    @Test
    void a_prefix_that_is_not_json_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parsePrefix("[1, oops]", 0, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parsePrefix("[1]", 5, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parsePrefix("{\"a\": [1, 2", 0, new int[1]));
    }

    @Test
    void returned_collections_are_unmodifiable() {
        List<?> list = (List<?>) JsonReader.parse("[1]");
        assertThrows(UnsupportedOperationException.class, () -> list.clear());
        Map<?, ?> map = (Map<?, ?>) JsonReader.parse("{\"a\":1}");
        assertThrows(UnsupportedOperationException.class, () -> map.clear());
    }
}
