package dev.codefactory.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The API's answer rules: JSON, ETags and conditional GETs, pagination by limit and opaque cursor, errors. */
// covers feature-012/FR-006
class ApiTest {
    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    private static Request get(Map<String, String> query, Map<String, String> headers) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, List.of(v)));
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new Request("GET", "/api/v1/x", q, h, Map.of());
    }

    private static Request get(Map<String, String> query) {
        return get(query, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response r) {
        return (Map<String, Object>) JsonReader.parse(r.text());
    }

    @Test
    void jsonIsTaggedAndTheTagIsStableAcrossIdenticalBodies() {
        Response a = Api.json(get(Map.of()), Map.of("a", 1, "b", List.of("x")));
        Response b = Api.json(get(Map.of()), Map.of("a", 1, "b", List.of("x")));
        assertEquals(200, a.status());
        assertEquals(Response.JSON, a.header("Content-Type"));
        assertNotNull(a.header("ETag"));
        assertTrue(a.header("ETag").matches("\"[0-9a-f]{32}\""), a.header("ETag"));
        assertEquals(a.header("ETag"), b.header("ETag"));
        Response c = Api.json(get(Map.of()), Map.of("a", 2, "b", List.of("x")));
        assertNotEquals(a.header("ETag"), c.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TAG", "W/TAG", "\"other\", TAG", "\"other\" ,W/TAG , \"more\"", "*"})
    void ifNoneMatchNamingTheTagGives304WithoutBody(String header) {
        Object value = List.of("one", "two");
        String tag = Api.json(get(Map.of()), value).header("ETag");
        Response r = Api.json(get(Map.of(), Map.of("if-none-match", header.replace("TAG", tag))), value);
        assertEquals(304, r.status());
        assertEquals(0, r.body().length);
        assertEquals(tag, r.header("ETag"));
        assertNull(r.header("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"other\"", "W/\"other\", \"0000\"", "TAGx", ""})
    void ifNoneMatchNamingAnotherTagGivesTheBody(String header) {
        Object value = List.of("one", "two");
        String tag = Api.json(get(Map.of()), value).header("ETag");
        Response r = Api.json(get(Map.of(), Map.of("if-none-match", header.replace("TAG", tag))), value);
        assertEquals(200, r.status());
        assertEquals("[\"one\",\"two\"]", r.text());
    }

    @Test
    void aChangedListAfterA304IsSentAgain() {
        String tag = Api.list(get(Map.of()), HUNDRED).header("ETag");
        Response r = Api.list(get(Map.of(), Map.of("if-none-match", tag)), HUNDRED.subList(0, 99));
        assertEquals(200, r.status());
        assertEquals(99L, ((Number) body(r).get("total")).longValue());
    }

    @Test
    void errorsAreNeverTaggedNorAnswered304() {
        Response r = Api.list(get(Map.of("limit", "0"), Map.of("if-none-match", "*")), HUNDRED);
        assertEquals(400, r.status());
        assertNull(r.header("ETag"));
    }

    @Test
    void theDefaultPageIsFiftyWithTheTotalAndANextCursor() {
        Map<String, Object> page = body(Api.list(get(Map.of()), HUNDRED));
        assertEquals(List.of("items", "total", "next"), new ArrayList<>(page.keySet()));
        assertEquals(Api.DEFAULT_LIMIT, ((List<?>) page.get("items")).size());
        assertEquals(100L, ((Number) page.get("total")).longValue());
        assertNotNull(page.get("next"));
    }

    @Test
    void followingNextWalksTheWholeListOnceAndEndsWithNextNull() {
        List<Object> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, String> q = next == null ? Map.of("limit", "30") : Map.of("limit", "30", "cursor", next);
            Map<String, Object> page = body(Api.list(get(q), HUNDRED));
            seen.addAll((List<?>) page.get("items"));
            assertEquals(100L, ((Number) page.get("total")).longValue());
            next = (String) page.get("next");
            pages++;
        } while (next != null && pages < 10);
        assertEquals(4, pages);
        assertEquals(HUNDRED.stream().map(Long::valueOf).toList(),
                seen.stream().map(o -> ((Number) o).longValue()).toList());
    }

    @Test
    void limitBoundsAreInclusive() {
        assertEquals(1, ((List<?>) body(Api.list(get(Map.of("limit", "1")), HUNDRED)).get("items")).size());
        List<Integer> many = IntStream.range(0, Api.MAX_LIMIT + 10).boxed().toList();
        Map<String, Object> max = body(Api.list(get(Map.of("limit", "" + Api.MAX_LIMIT)), many));
        assertEquals(Api.MAX_LIMIT, ((List<?>) max.get("items")).size());
        assertNotNull(max.get("next"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "abc", "1.5", "99999999999"})
    void aBadLimitIs400InTheErrorShape(String limit) {
        Response r = Api.list(get(Map.of("limit", limit)), HUNDRED);
        assertEquals(400, r.status());
        assertEquals(Response.JSON, r.header("Content-Type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) body(r).get("error");
        assertEquals(List.of("status", "message"), new ArrayList<>(error.keySet()));
        assertEquals(400L, ((Number) error.get("status")).longValue());
        assertTrue(((String) error.get("message")).contains("limit"), error.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "50", "%%%", "o50", "AAAA"})
    void aCursorTheApiDidNotGiveIs400(String cursor) {
        assertEquals(400, Api.list(get(Map.of("cursor", cursor)), HUNDRED).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"o-1", "o+5", "o05", "x5", "o", "o1e3", "o9999999999"})
    void aForgedCursorIs400(String text) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, Api.list(get(Map.of("cursor", cursor)), HUNDRED).status());
    }

    @Test
    void theCursorIsOpaqueAndRoundTrips() {
        String next = (String) body(Api.list(get(Map.of("limit", "10")), HUNDRED)).get("next");
        assertTrue(next.matches("[A-Za-z0-9_-]+"), next);
        assertTrue(!next.contains("10"), next);
        assertEquals(10, Api.offset(next));
        assertEquals(0, Api.offset(Api.cursor(0)));
        assertEquals(123456789, Api.offset(Api.cursor(123456789)));
    }

    @Test
    void aCursorPastTheEndGivesAnEmptyLastPage() {
        Map<String, Object> page = body(Api.list(get(Map.of("cursor", Api.cursor(1000))), HUNDRED));
        assertEquals(List.of(), page.get("items"));
        assertEquals(100L, ((Number) page.get("total")).longValue());
        assertNull(page.get("next"));
        Map<String, Object> exact = body(Api.list(get(Map.of("limit", "50", "cursor", Api.cursor(50))), HUNDRED));
        assertEquals(50, ((List<?>) exact.get("items")).size());
        assertNull(exact.get("next"));
    }

    @Test
    void anEmptyListHasTotalZeroAndNoNext() {
        Map<String, Object> page = body(Api.list(get(Map.of()), List.of()));
        assertEquals(List.of(), page.get("items"));
        assertEquals(0L, ((Number) page.get("total")).longValue());
        assertNull(page.get("next"));
        assertTrue(page.containsKey("next"));
    }

    @Test
    void errorShape() {
        Response r = Api.error(404, "no spec \"<x>\"");
        assertEquals(404, r.status());
        assertEquals("{\"error\":{\"status\":404,\"message\":\"no spec \\\"<x>\\\"\"}}", r.text());
        assertNull(r.header("ETag"));
    }
}
