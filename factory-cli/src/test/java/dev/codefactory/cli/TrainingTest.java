package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up archive's training: every command it runs succeeds, so what it records is what those commands load. */
class TrainingTest {

    @TempDir
    Path tmp;

    // covers feature-013/FR-003
    @Test
    void every_training_step_succeeds_without_the_network_or_the_user_settings() throws Exception {
        List<String> failed = Training.run(tmp);

        assertEquals(List.of(), failed);
    }
}
