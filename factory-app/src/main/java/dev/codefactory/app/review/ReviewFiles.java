package dev.codefactory.app.review;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.files.ProjectFiles;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a review reads of the project, through the {@link ProjectFiles} port: a spec, the head of a file for matching,
 * a whole file for the checks and the model.
 */
final class ReviewFiles {
    private static final int SNIFF = 64 * 1024;

    private final Path root;
    private final Supplier<ProjectFiles> files;
    private final Supplier<FactoryConfig> config;

    ReviewFiles(Path root, Supplier<ProjectFiles> files, Supplier<FactoryConfig> config) {
        this.root = root;
        this.files = files;
        this.config = config;
    }

    String readSpec(Specification spec) {
        Optional<String> text;
        try {
            text = files.get().readText(spec.path());
        } catch (FactoryException e) {
            throw new FactoryException("cannot read " + spec.path() + ": " + e.getMessage());
        }
        return text.orElseThrow(() -> new FactoryException("cannot read " + spec.path() + ": "
                + root.resolve(spec.path()))).replace("\r\n", "\n"); // as a missing file's error names it
    }

    /** Up to 64 KB of a file as UTF-8 text, for matching; null when it cannot be read as text. */
    String readHead(String path) {
        byte[] bytes;
        try {
            bytes = files.get().head(path, SNIFF).orElse(null);
        } catch (FactoryException e) {
            return null; // a path that may not be read (through a link, say) is not matched
        }
        if (bytes == null || Languages.looksBinary(bytes, bytes.length)) {
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The largest file {@link #fullText} reads. */
    long maxFileBytes() {
        return config.get().scanMaxFileBytes();
    }

    /** The whole file when it is text within the size limit (checked again: it may have changed since the scan). */
    String fullText(String path) {
        byte[] bytes;
        try {
            bytes = files.get().readBytes(path, config.get().scanMaxFileBytes()).orElse(null);
        } catch (FactoryException e) {
            return null; // a path that may not be read (through a link, say) is not read
        }
        if (bytes == null) {
            return null;
        }
        if (Languages.looksBinary(bytes, bytes.length)) {
            return null;
        }
        // implements feature-013/NFR-002: most files decode without a CharBuffer and its copies; a replacement
        // character means malformed input (or one written in the file): decoded strictly then, as before
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // not UTF-8: every byte still shown as a char
        }
    }
}
