package dev.codefactory.cli;

import dev.codefactory.app.review.ReviewJson;
import dev.codefactory.app.review.ReviewUseCase;
import dev.codefactory.domain.InvalidCommandException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the results of 'factory review --shard I/N --json' runs (one per shard, from the same"
                + " commit with the same arguments) into the report one review would have made: saved in"
                + " reports/review-DATE.md, printed as a summary or --json, and as SARIF with --sarif.",
            "Each part is checked: a file that is not a shard's result, a shard given twice, a missing shard or parts"
                + " of different reviews (shard count, paths, specs, model, commit) are refused, naming the file."
                + " Exit codes as review's: 1 with --fail-on, 3 when a shard's review was partial."})
final class ReviewMergeCommand implements Callable<Integer> {
    /** A part larger than this is refused: no review's result comes near it. */
    private static final long MAX_PART_BYTES = 256L * 1024 * 1024;

    @ParentCommand
    ReviewCommand parent;

    @Parameters(paramLabel = "PART", arity = "1..*", description = "The shards' JSON files, in any order.")
    List<Path> parts = new ArrayList<>();

    @Option(names = "--json", description = "Print the merged report as JSON instead of a summary.")
    boolean json;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write SARIF 2.1.0 (for GitHub code scanning)"
            + " to FILE.")
    Path sarif;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit with 1 when a finding is this severe or"
            + " more: critical, high, medium, low or info.")
    String failOn;

    @Override
    public Integer call() {
        var threshold = ReviewCommand.threshold(failOn);
        Path here = parent.root.session().workingDirectory();
        List<ReviewUseCase.ReviewPart> read = new ArrayList<>();
        for (Path part : parts) {
            read.add(new ReviewUseCase.ReviewPart(part.toString(), text(here.resolve(part), part)));
        }
        ReviewUseCase.ReviewOutcome outcome = parent.root.factory().merge(read);
        return parent.finish(outcome, json ? ReviewJson.render(outcome.report()) : null, sarif, threshold);
    }

    /** The part's text, strict UTF-8; a missing, unreadable or oversized file is a usage error naming it. */
    private static String text(Path file, Path named) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidCommandException(named + ": no such file; give the JSON files the --shard runs"
                        + " printed");
            }
            if (Files.size(file) > MAX_PART_BYTES) {
                throw new InvalidCommandException(named + ": larger than " + MAX_PART_BYTES / (1024 * 1024)
                        + " MB, not a review's result");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCommandException(named + ": not UTF-8 text, not a review's result");
        } catch (IOException e) {
            throw new InvalidCommandException(named + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
