package dev.codefactory.adapter.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private static final String TRANSCRIPT = "\uFEFF: a comment the parser skips\r\n"
            + "event: content_block_delta\r\n"
            + "data: {\"text\":\"h€llo 🎉\"}\r\n"
            + "\r\n"
            + "data: first line\n"
            + "data:second line\n"
            + "id: 7\n"
            + "\n"
            + "retry: 100\r"
            + "data: ünïcödé\r"
            + "\r"
            + "event: ping\n"
            + "\n"
            + "data: [DONE]\n"
            + "\n"
            + "event: last\n"
            + "data: an event without its final blank line";

    private static final List<SseParser.Event> EXPECTED = List.of(
            new SseParser.Event("content_block_delta", "{\"text\":\"h€llo 🎉\"}", null),
            new SseParser.Event("message", "first line\nsecond line", "7"),
            new SseParser.Event("message", "ünïcödé", null),
            new SseParser.Event("message", "[DONE]", null),
            new SseParser.Event("last", "an event without its final blank line", null));

    private static List<SseParser.Event> parse(InputStream in) throws IOException {
        SseParser parser = new SseParser(in);
        List<SseParser.Event> events = new ArrayList<>();
        SseParser.Event event;
        while ((event = parser.next()) != null) {
            events.add(event);
        }
        return events;
    }

    @Test
    void parses_a_transcript_read_whole() throws IOException {
        byte[] bytes = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
        assertEquals(EXPECTED, parse(new SplitInputStream(bytes, false)));
    }

    @Test
    void parses_the_same_events_when_split_at_every_byte_boundary() throws IOException {
        byte[] bytes = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertEquals(EXPECTED, parse(new SplitInputStream(bytes, false, cut)), "split at byte " + cut);
        }
    }

    @Test
    void parses_the_same_events_when_split_at_every_pair_of_boundaries_near_multibyte_characters()
            throws IOException {
        byte[] bytes = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
        for (int a = 1; a < bytes.length; a++) {
            if ((bytes[a] & 0x80) == 0) {
                continue;
            }
            for (int b = a + 1; b < Math.min(bytes.length, a + 8); b++) {
                assertEquals(EXPECTED, parse(new SplitInputStream(bytes, false, a, b)), "split at " + a + "," + b);
            }
        }
    }

    @Test
    void parses_the_same_events_read_one_byte_at_a_time() throws IOException {
        byte[] bytes = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
        assertEquals(EXPECTED, parse(new SplitInputStream(bytes, true)));
    }

    @Test
    void a_stream_of_comments_and_blank_lines_has_no_events() throws IOException {
        byte[] bytes = ": keep-alive\n\n: again\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), parse(new SplitInputStream(bytes, false)));
    }

    @Test
    void an_empty_stream_has_no_events() throws IOException {
        assertEquals(List.of(), parse(new SplitInputStream(new byte[0], false)));
    }
}
