package dev.codefactory.testkit.llm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Splits wire text into awkward pieces for loopback servers: in the middle of a multi-byte character if any. */
public final class Splits {
    private Splits() {
    }

    /** The text's bytes cut in two, inside a multi-byte UTF-8 character when there is one, else in the middle. */
    public static byte[][] awkwardly(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int cut = bytes.length / 2;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) == 0x80) {
                cut = i;
                break;
            }
        }
        if (bytes.length < 2) {
            return new byte[][] {bytes};
        }
        return new byte[][] {Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length)};
    }

    /** Adds every awkward piece of {@code text} as its own chunk. */
    public static LoopbackServer.Reply chunks(LoopbackServer.Reply reply, String text) {
        for (byte[] piece : awkwardly(text)) {
            if (piece.length > 0) {
                reply.chunk(piece);
            }
        }
        return reply;
    }
}
