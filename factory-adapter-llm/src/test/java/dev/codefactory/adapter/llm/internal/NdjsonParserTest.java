package dev.codefactory.adapter.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonParserTest {
    private static final String TRANSCRIPT = "{\"message\":{\"content\":\"Grüße \"},\"done\":false}\n"
            + "\n"
            + "{\"message\":{\"content\":\"日本語 🎉\"},\"done\":false}\r\n"
            + "   \n"
            + "{\"done\":true,\"eval_count\":3}";

    private static final List<String> EXPECTED = List.of(
            "{\"message\":{\"content\":\"Grüße \"},\"done\":false}",
            "{\"message\":{\"content\":\"日本語 🎉\"},\"done\":false}",
            "{\"done\":true,\"eval_count\":3}");

    private static List<String> parse(InputStream in) throws IOException {
        NdjsonParser parser = new NdjsonParser(in);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = parser.next()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void parses_lines_split_at_every_byte_boundary() throws IOException {
        byte[] bytes = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertEquals(EXPECTED, parse(new SplitInputStream(bytes, false, cut)), "split at byte " + cut);
        }
    }

    @Test
    void parses_lines_read_one_byte_at_a_time() throws IOException {
        assertEquals(EXPECTED, parse(new SplitInputStream(TRANSCRIPT.getBytes(StandardCharsets.UTF_8), true)));
    }

    @Test
    void refuses_a_line_longer_than_the_limit() {
        byte[] huge = new byte[LineReader.MAX_LINE_BYTES + 10];
        Arrays.fill(huge, (byte) 'a');
        assertThrows(IOException.class, () -> parse(new SplitInputStream(huge, false)));
    }
}
