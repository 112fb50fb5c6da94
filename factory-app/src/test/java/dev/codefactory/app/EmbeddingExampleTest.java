package dev.codefactory.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.spec.ChangeSpecStatusUseCase.ChangeSpecStatusCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the embedding example of README.md, and checks that the README shows exactly this code. */
class EmbeddingExampleTest {

    @TempDir
    Path repo;

    static void example(Path repo, PrintStream out) {
        // example:start
        try (CodeFactory factory = CodeFactory.open(repo)) {
            factory.init(); // lays out contracts/, reports/ and .factory/; a no-op the second time
            var created = factory.create(CreateSpecCommand.of("User login"), "# User login\n\n## Overview\n"
                    + "People sign in with a password.\n\n## Requirements\n- A wrong password is refused.\n");
            factory.changeStatus(new ChangeSpecStatusCommand(created.spec().id().value(), SpecStatus.APPROVED));
            for (Specification spec : factory.list(SpecQuery.ALL).specs()) {
                out.println(spec.id() + " " + spec.status().label() + " " + spec.title());
            }
            out.println("valid: " + factory.validate(ValidateSpecsCommand.all()).validation().isValid());
        }
        // example:end
    }

    @Test
    void the_readme_example_creates_approves_lists_and_validates() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        example(repo, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of("feature-001 approved User login", "valid: true"),
                bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList()));
        assertTrue(Files.readString(repo.resolve("contracts/specs/user-login.md")).contains("status: approved"));
    }

    @Test
    void the_readme_shows_this_example() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/codefactory/app/EmbeddingExampleTest.java"));
        String example = source.substring(source.indexOf("// example:start") + "// example:start".length(),
                source.indexOf("// example:end"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String line : example.strip().lines().map(String::strip).collect(Collectors.toList())) {
            assertTrue(readme.contains(line), "README.md lacks the example line: " + line);
        }
    }
}
