package dev.codefactory.adapter.llm.internal;

import java.io.InputStream;
import java.util.Arrays;

/** Hands out its bytes in reads that end exactly at the given offsets, then one byte at a time if asked. */
final class SplitInputStream extends InputStream {
    private final byte[] bytes;
    private final int[] cuts;
    private final boolean byteByByte;
    private int position;
    private int nextCut;

    SplitInputStream(byte[] bytes, boolean byteByByte, int... cuts) {
        this.bytes = bytes;
        this.cuts = Arrays.stream(cuts).sorted().toArray();
        this.byteByByte = byteByByte;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= bytes.length) {
            return -1;
        }
        int end = bytes.length;
        while (nextCut < cuts.length && cuts[nextCut] <= position) {
            nextCut++;
        }
        if (nextCut < cuts.length) {
            end = cuts[nextCut];
        }
        if (byteByByte) {
            end = position + 1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }
}
