package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answers file of {@code factory intake --answers FILE}: what is wrong with the file itself is named with it. */
// covers feature-005/NFR-002
class AnswersFileTest {

    @TempDir
    Path dir;

    private static Question q(int n) {
        return new Question("q" + n, "Question " + n + "?", "");
    }

    @Test
    void a_file_is_read_and_parsed() throws IOException {
        Path file = Files.writeString(dir.resolve("answers.yaml"), "answers:\n  - first\nq2: second\n");
        assertEquals(Optional.of("first"), AnswersFile.read(file).answerFor(q(1), 1));
        assertEquals(Optional.of("second"), AnswersFile.read(file).answerFor(q(2), 2));
    }

    @Test
    void a_missing_file_is_named() {
        Path missing = dir.resolve("nope.yaml");
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> AnswersFile.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void a_folder_is_named_as_a_folder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("answers.d"));
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> AnswersFile.read(folder));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void a_file_over_one_megabyte_is_refused_naming_it() throws IOException {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) '#');
        Path file = Files.write(dir.resolve("big.yaml"), big);
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> AnswersFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("larger than 1 MB"), e.getMessage());
    }

    @Test
    void a_file_of_exactly_one_megabyte_is_read() throws IOException {
        byte[] comment = new byte[1024 * 1024];
        Arrays.fill(comment, (byte) '#');
        byte[] answer = "\nq1: yes please\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(answer, 0, comment, comment.length - answer.length, answer.length);
        Path file = Files.write(dir.resolve("full.yaml"), comment);
        assertEquals(Optional.of("yes please"), AnswersFile.read(file).answerFor(q(1), 1));
    }

    @Test
    void a_file_that_is_not_utf8_is_named() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), "q1: Café\n".getBytes(StandardCharsets.ISO_8859_1));
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> AnswersFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }
}
