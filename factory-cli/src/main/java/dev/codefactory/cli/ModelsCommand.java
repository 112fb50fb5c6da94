package dev.codefactory.cli;

import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.LanguageModels.ProviderInfo;
import dev.codefactory.app.llm.LanguageModels.Selection;
import dev.codefactory.port.llm.ModelInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the models of the configured (or detected) language model provider, or with"
                + " --providers the providers on the class path (built in, or added as a jar).",
            "With nothing configured: Ollama if it answers, else the first provider whose key is set."})
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--providers", description = "List the providers instead of models.")
    boolean providers;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        LanguageModels models = root.factory().languageModels();
        PrintWriter out = spec.commandLine().getOut();
        if (providers) {
            List<Object> rows = new ArrayList<>();
            for (ProviderInfo p : models.providers()) {
                if (json) {
                    rows.add(Map.of("id", p.id(), "name", p.displayName()));
                } else {
                    out.println(String.format("%-20s %s", p.id(), p.displayName()));
                }
            }
            if (json) {
                out.print(Json.write(rows));
            }
            return ExitCodes.OK;
        }
        Selection selection = models.select();
        spec.commandLine().getErr().println("Using " + selection.providerId() + ": " + selection.reason() + ".");
        List<ModelInfo> found = models.models(selection.providerId());
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (ModelInfo m : found) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("provider", selection.providerId());
                row.put("id", m.id());
                row.put("contextWindow", m.contextWindow() == 0 ? null : m.contextWindow());
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else if (found.isEmpty()) {
            out.println("No models." + (selection.providerId().equals("ollama") ? " Pull one: ollama pull llama3.2" : ""));
        } else {
            found.forEach(m -> out.println(m.contextWindow() == 0 ? m.id()
                    : String.format("%-40s %,d tokens", m.id(), m.contextWindow())));
        }
        return ExitCodes.OK;
    }
}
