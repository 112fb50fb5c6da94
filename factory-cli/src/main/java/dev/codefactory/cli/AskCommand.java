package dev.codefactory.cli;

import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.LanguageModels.Selection;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask the language model one question and stream the answer as it arrives.",
            "A spinner shows until the first token (on a terminal); a line of tokens and timings follows the answer"
                + " on standard error. Ctrl-C stops the stream and closes the connection."})
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT",
            description = "The question; read from standard input when absent or '-'.")
    String prompt;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system prompt.")
    String system = "";

    @Option(names = "--no-cache", description = "Always ask the model, never the response cache.")
    boolean noCache;

    @Option(names = "--json", description = "Print the answer, tokens and timings as one JSON object at the end.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        String question = prompt == null || prompt.equals("-") ? readInput() : prompt;
        if (question.isBlank()) {
            throw new InvalidCommandException("the prompt is empty; give it as an argument or on standard input");
        }
        LanguageModels models = root.factory().languageModels();
        Selection selection = models.select();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!json) {
            err.println("Using " + selection.providerId() + ": " + selection.reason() + ".");
        }
        LanguageModel model = models.open(selection.providerId(), "ask", !noCache);
        Spinner spinner = new Spinner(root.err(), root.session().terminal() && !json,
                () -> "waiting for " + selection.providerId());
        Collector collector = new Collector(out, spinner, json);
        long start = System.nanoTime();
        spinner.start();
        StreamHandle handle = model.stream(GenerationRequest.of(system, question), collector);
        root.interrupts().stoppable();
        root.interrupts().onRequest(handle::cancel); // Ctrl-C: the stream stops and its connection is closed
        try {
            collector.done.await();
        } finally {
            spinner.stop();
        }
        long totalMs = (System.nanoTime() - start) / 1_000_000;
        if (root.interrupts().requested()) {
            out.println();
            out.flush();
            err.println("Stopped: the answer so far is above; nothing was kept (the cache keeps complete answers"
                    + " only).");
            return ExitCodes.STOPPED;
        }
        if (collector.error != null) {
            throw collector.error;
        }
        Generation g = collector.result;
        Long firstMs = collector.firstTokenNanos == 0 ? null : (collector.firstTokenNanos - start) / 1_000_000;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", selection.providerId());
            m.put("model", g.model());
            m.put("text", g.text());
            m.put("finishReason", g.finishReason().name().toLowerCase(java.util.Locale.ROOT));
            m.put("inputTokens", g.usage().inputTokens());
            m.put("outputTokens", g.usage().outputTokens());
            m.put("timeToFirstTokenMs", firstMs);
            m.put("durationMs", totalMs);
            out.print(JsonWriter.pretty(m));
        } else {
            if (!g.text().endsWith("\n")) {
                out.println();
            }
            out.flush();
            err.println(root.style().dim(g.model() + " · " + g.usage().inputTokens() + " tokens in, "
                    + g.usage().outputTokens() + " out · first token " + (firstMs == null ? "-" : firstMs + " ms")
                    + " · " + totalMs + " ms" + (g.finishReason() == FinishReason.CANCELLED ? " · cancelled" : "")));
        }
        return ExitCodes.OK;
    }

    private String readInput() {
        try {
            return new String(root.session().in().readNBytes(1 << 20), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints tokens as they come and wakes the command when the stream ends. */
    private static final class Collector implements StreamListener {
        final CountDownLatch done = new CountDownLatch(1);
        private final PrintWriter out;
        private final Spinner spinner;
        private final boolean quiet;
        volatile long firstTokenNanos;
        volatile Generation result;
        volatile LanguageModelException error;

        Collector(PrintWriter out, Spinner spinner, boolean quiet) {
            this.out = out;
            this.spinner = spinner;
            this.quiet = quiet;
        }

        @Override
        public void onToken(String token) {
            if (firstTokenNanos == 0) {
                firstTokenNanos = System.nanoTime();
                spinner.stop();
            }
            if (!quiet) {
                out.print(token);
                out.flush();
            }
        }

        @Override
        public void onComplete(Generation generation) {
            result = generation;
            done.countDown();
        }

        @Override
        public void onError(LanguageModelException e) {
            error = e;
            done.countDown();
        }
    }
}
