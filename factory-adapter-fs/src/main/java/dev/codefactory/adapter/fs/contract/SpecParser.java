package dev.codefactory.adapter.fs.contract;

import dev.codefactory.domain.spec.FrontMatter;
import dev.codefactory.domain.spec.Rule;
import dev.codefactory.domain.spec.SpecSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a contract file's bytes into a {@link SpecSource}, checking in order: size (before reading), binary data,
 * UTF-8, front matter fences, front matter YAML. Every failure becomes {@link SpecSource.Unreadable} with the rule
 * and the file line of the problem. Safe to use from many threads.
 */
final class SpecParser {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final long maxBytes;
    /** Made on first use: front matter in the simple form ({@link SimpleFrontMatter}) needs no YAML parser. */
    private volatile FrontMatterYaml yaml;

    SpecParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The full YAML reader, for front matter beyond the simple form and for edits; made once, on first use. */
    // implements feature-013/FR-005
    FrontMatterYaml yaml() {
        FrontMatterYaml made = yaml;
        if (made == null) {
            synchronized (this) {
                made = yaml;
                if (made == null) {
                    made = new FrontMatterYaml();
                    yaml = made;
                }
            }
        }
        return made;
    }

    /** Reads and parses one regular file, never reading more than the size limit allows. */
    SpecSource read(Path file, String path) {
        try {
            return parseText(path, decode(readBytes(file)));
        } catch (ContractProblem p) {
            return new SpecSource.Unreadable(path, p.toFinding(path));
        }
    }

    /** Parses text as it would be stored, without touching storage. */
    SpecSource parse(String path, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            checkSize(bytes.length);
            decode(bytes);
            return parseText(path, content);
        } catch (ContractProblem p) {
            return new SpecSource.Unreadable(path, p.toFinding(path));
        }
    }

    /**
     * The file's bytes, at most the size limit.
     *
     * @throws ContractProblem {@link Rule#FILE_SIZE} when it is larger, {@link Rule#FILE_UNREADABLE} on I/O errors
     */
    byte[] readBytes(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            checkSize(size);
            // exactly the size found above: a file that grows meanwhile is read as it was (writes here are
            // atomic renames, so the open file does not change), one that shrinks is cut where it ends
            byte[] bytes = new byte[(int) size];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading
            }
            return buffer.hasRemaining() ? Arrays.copyOf(bytes, buffer.position()) : bytes;
        } catch (IOException e) {
            throw new ContractProblem(Rule.FILE_UNREADABLE, 0, "could not be read: " + describe(e));
        }
    }

    /**
     * Checks and decodes a contract's bytes.
     *
     * @throws ContractProblem {@link Rule#FILE_BINARY} or {@link Rule#FILE_ENCODING}
     */
    String decode(byte[] bytes) {
        boolean ascii = true;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                throw new ContractProblem(Rule.FILE_BINARY, 0,
                        "holds binary data (a NUL byte at offset " + i + "); contracts are text");
            }
            ascii &= b > 0;
        }
        // plain ASCII is already valid UTF-8: skip the checking decoder, the common case by far
        return ascii ? new String(bytes, StandardCharsets.US_ASCII) : decodeUtf8(bytes);
    }

    /** Splits and reads decoded text; the front matter problems are thrown as {@link ContractProblem}. */
    SpecSource.Parsed parseText(String path, String text) {
        ContractText parts = ContractText.split(text);
        String frontMatterYaml = parts.yaml();
        Map<String, Object> values;
        Map<String, Integer> keyLines;
        SimpleFrontMatter.Result simple = SimpleFrontMatter.read(frontMatterYaml, ContractText.FIRST_YAML_LINE);
        if (simple != null) {
            values = simple.values();
            keyLines = simple.keyLines();
        } else {
            FrontMatterYaml.Document doc = yaml().read(frontMatterYaml, ContractText.FIRST_YAML_LINE);
            values = doc.values();
            keyLines = doc.keyLines();
        }
        FrontMatter frontMatter = new FrontMatter(values, keyLines, ContractText.OPEN_LINE, parts.closeLine());
        return new SpecSource.Parsed(path, frontMatter, parts.body(), parts.bodyLine());
    }

    private void checkSize(long size) {
        long limit = Math.min(maxBytes, MAX_ARRAY);
        if (size > limit) {
            throw new ContractProblem(Rule.FILE_SIZE, 0, "is " + humanSize(size) + ", over the limit of "
                    + humanSize(limit) + " for a contract; split it into smaller contracts");
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        // UTF-8 never needs more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String bad = offset < bytes.length ? String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF) : "end";
            throw new ContractProblem(Rule.FILE_ENCODING, line,
                    "is not UTF-8 text: invalid byte " + bad + " on line " + line + "; save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
