package dev.codefactory.cli;

import dev.codefactory.app.intake.PreparedAnswers;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The answers file of {@code factory intake --answers FILE}, read here (the front end reads the files named on its
 * command line) and parsed by {@link PreparedAnswers#parse}: what is wrong with the file is named with it.
 */
// implements feature-005/NFR-002
final class AnswersFile {
    private static final int MAX_BYTES = 1024 * 1024;

    private AnswersFile() {
    }

    static PreparedAnswers read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidCommandException("answers file " + file + " is a folder, not a file");
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidCommandException("answers file " + file + " does not exist (or is not a file)");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidCommandException("answers file " + file + " is larger than 1 MB; it should hold a"
                        + " few answers");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCommandException("answers file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new StorageException("cannot read the answers file " + file + ": " + e.getMessage());
        }
        return PreparedAnswers.parse(file, text);
    }
}
