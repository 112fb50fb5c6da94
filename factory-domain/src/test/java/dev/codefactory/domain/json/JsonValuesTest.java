package dev.codefactory.domain.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonValuesTest {

    @Test
    void a_whole_number_comes_from_an_integer_an_integral_decimal_or_a_numeric_string() {
        assertEquals(12, JsonValues.wholeNumber(12L));
        assertEquals(12, JsonValues.wholeNumber(new BigDecimal("12.0")));
        assertEquals(12, JsonValues.wholeNumber(" 12 "));
        assertEquals(0, JsonValues.wholeNumber(0L));
    }

    @Test
    void anything_else_is_minus_one() {
        assertEquals(-1, JsonValues.wholeNumber(-3L));
        assertEquals(-1, JsonValues.wholeNumber("-3"));
        assertEquals(-1, JsonValues.wholeNumber(new BigDecimal("-3")));
        assertEquals(-1, JsonValues.wholeNumber(new BigDecimal("12.5")));
        assertEquals(-1, JsonValues.wholeNumber(3_000_000_000L));
        assertEquals(-1, JsonValues.wholeNumber("12a"));
        assertEquals(-1, JsonValues.wholeNumber(true));
        assertEquals(-1, JsonValues.wholeNumber(null));
    }

    @Test
    void text_and_lists_are_read_leniently() {
        assertEquals("a", JsonValues.text("a"));
        assertEquals("7", JsonValues.text(7L));
        assertEquals("true", JsonValues.text(true));
        assertNull(JsonValues.text(null));
        assertEquals(List.of(1L), JsonValues.list(List.of(1L)));
        assertEquals(List.of(), JsonValues.list("not a list"));
        assertEquals(List.of(), JsonValues.list(null));
    }
}
