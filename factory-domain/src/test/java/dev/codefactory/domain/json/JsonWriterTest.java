package dev.codefactory.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.domain.text.ControlCharacters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** What Jackson, an independent parser, reads from {@code json} as UTF-8 bytes (it fails on anything not JSON). */
    private static JsonNode parsed(String json) throws Exception {
        return JACKSON.readTree(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void escapes_quotes_backslashes_and_line_breaks() {
        assertEquals("\"say \\\"hi\\\"\\\\ \\n\\r\\t\"", JsonWriter.compact("say \"hi\"\\ \n\r\t"));
    }

    @Test
    void escapes_other_control_characters_and_javascript_line_separators() {
        assertEquals("\"\\u0000\\u001f\\u2028\\u2029\"", JsonWriter.compact("\u0000\u001f\u2028\u2029"));
    }

    @Test
    void escapes_del_c1_controls_and_bidirectional_formatting_so_json_stays_printable() {
        assertEquals("\"\\u001b]0;x\\u0007 \\u007f\\u0080\\u009b\\u009f \\u202a\\u202e\\u2066\\u2069\"",
                JsonWriter.compact("\u001b]0;x\u0007 \u007f\u0080\u009b\u009f \u202a\u202e\u2066\u2069"));
    }

    @Test
    void leaves_bidi_marks_and_other_format_characters_alone() {
        assertEquals("\"\u200f\u200e\u200b\"", JsonWriter.compact("\u200f\u200e\u200b"));
    }

    @Test
    void leaves_other_text_alone_ascii_or_not() {
        assertEquals("\"caf\u00e9 \u20ac / \uD83D\uDE00\"", JsonWriter.compact("caf\u00e9 \u20ac / \uD83D\uDE00"));
    }

    @Test
    void escapes_lone_surrogates_which_utf_8_cannot_carry() throws Exception {
        String text = "a\uD83Db \uDE00 \uDE00\uD83D end\uD83D";
        String json = JsonWriter.compact(text);
        assertEquals("\"a\\ud83db \\ude00 \\ude00\\ud83d end\\ud83d\"", json);
        assertEquals(text, JsonReader.parse(json));
        assertEquals(text, parsed(json).asText());
    }

    @Test
    void every_character_written_parses_back_to_itself_with_jackson() throws Exception {
        char[] all = new char[0x10000];
        for (int c = 0; c < all.length; c++) {
            all[c] = (char) c;
        }
        String text = new String(all);
        String json = JsonWriter.pretty(map("all", text));
        assertEquals(text, parsed(json).get("all").asText());
        for (char c : json.toCharArray()) {
            assertTrue(!ControlCharacters.isUnsafe(c) || c == '\n', () -> "unescaped U+" + Integer.toHexString(c));
        }
    }

    @Test
    void writes_nan_and_infinities_as_null_never_as_bare_tokens() throws Exception {
        Map<String, Object> m = map("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                "minusInf", Double.NEGATIVE_INFINITY, "floatNan", Float.NaN, "floatInf", Float.POSITIVE_INFINITY,
                "list", Arrays.asList(Double.NaN, 1.5));
        assertEquals("{\"nan\":null,\"inf\":null,\"minusInf\":null,\"floatNan\":null,\"floatInf\":null,"
                + "\"list\":[null,1.5]}", JsonWriter.compact(m));
        assertTrue(parsed(JsonWriter.pretty(m)).get("nan").isNull());
        assertTrue(parsed(JsonWriter.compact(m)).get("list").get(0).isNull());
    }

    @Test
    void writes_numbers_as_plain_json_numbers() throws Exception {
        List<Object> numbers = List.of(0, -7, Long.MAX_VALUE, 1.0, 0.75, 2.0 / 3, 1.0e-4, 1.0e20, -0.0, 0.1f, 1.5f,
                new BigInteger("123456789012345678901234567890"), new BigDecimal("1E+3"), (short) 3, (byte) 4);
        String json = JsonWriter.compact(numbers);
        assertEquals("[0,-7,9223372036854775807,1,0.75,0.6666666666666666,0.0001,100000000000000000000,0,0.1,1.5,"
                + "123456789012345678901234567890,1E+3,3,4]", json);
        JsonNode node = parsed(json);
        assertEquals(numbers.size(), node.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(0, new BigDecimal(numbers.get(i).toString()).compareTo(node.get(i).decimalValue()),
                    "number " + i);
        }
    }

    @Test
    void writes_pretty_json_indented_by_two_spaces_in_map_order_with_a_final_newline() throws Exception {
        Map<String, Object> m = map("b", "x", "a", List.of(1, List.of(), Map.of()), "nested", map("t", true),
                "none", null);
        String json = JsonWriter.pretty(m);
        assertEquals("{\n  \"b\": \"x\",\n  \"a\": [\n    1,\n    [],\n    {}\n  ],\n  \"nested\": {\n"
                + "    \"t\": true\n  },\n  \"none\": null\n}\n", json);
        assertEquals(parsed(json), parsed(JsonWriter.compact(m)));
    }

    @Test
    void writes_compact_json_on_one_line_without_spaces() {
        assertEquals("{\"a\":[1,\"two\",false],\"b\":{},\"c\":[]}",
                JsonWriter.compact(map("a", List.of(1, "two", false), "b", Map.of(), "c", List.of())));
        assertEquals("null", JsonWriter.compact(null));
    }

    @Test
    void keeps_a_value_marked_one_line_on_one_spaced_line_inside_pretty_json() throws Exception {
        List<Object> items = new ArrayList<>();
        items.add(JsonWriter.oneLine(map("id", "q1", "tags", List.of("a", "b"), "why", null)));
        items.add(JsonWriter.oneLine(map()));
        String json = JsonWriter.pretty(map("items", items));
        assertEquals("{\n  \"items\": [\n    {\"id\": \"q1\", \"tags\": [\"a\", \"b\"], \"why\": null},\n    {}\n"
                + "  ]\n}\n", json);
        assertEquals("{\"items\":[{\"id\":\"q1\",\"tags\":[\"a\",\"b\"],\"why\":null},{}]}",
                JsonWriter.compact(map("items", items)));
        parsed(json);
    }

    @Test
    void writes_other_values_and_keys_as_strings() throws Exception {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1, java.time.Instant.EPOCH);
        m.put(null, Thread.State.NEW);
        String json = JsonWriter.compact(m);
        assertEquals("{\"1\":\"1970-01-01T00:00:00Z\",\"null\":\"NEW\"}", json);
        parsed(json);
    }
}
