package dev.codefactory.cli;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.LanguageModels.ProviderInfo;
import dev.codefactory.app.llm.LanguageModels.Selection;
import dev.codefactory.app.provider.ProviderFailure;
import dev.codefactory.app.provider.ProviderOrigin;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
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
                + " --providers the providers: built in, or which plugin jar (FACTORY_CLASSPATH, the project's"
                + " .factory/plugins/, the user's ~/.config/factory/plugins/), and the jars or providers not loaded.",
            "With nothing configured: Ollama if it answers, else the first provider whose key is set."})
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--providers", description = "List the providers instead of models: built in, or which"
            + " plugin jar, and the jars or providers not loaded, with the reason.")
    boolean providers;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /**
     * The providers with where each came from (built in, or the jar), the plugin jars, and what was not loaded.
     * JSON: {@code {"providers": [{"id", "name", "builtIn", "path"}], "plugins": [{"path", "from"}],
     * "notLoaded": [{"path", "provider", "reason"}]}}; {@code path} is null when not known, {@code provider} null
     * for a jar that could not be read.
     */
    private int listProviders(LanguageModels models, PrintWriter out) {
        CodeFactory factory = root.factory();
        Map<String, ProviderOrigin> origins = factory.providerOrigins(LanguageModelProvider.class);
        List<Object> rows = new ArrayList<>();
        for (ProviderInfo p : models.providers()) {
            ProviderOrigin origin = origins.get(p.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("name", p.displayName());
            row.put("builtIn", origin != null && origin.builtIn());
            row.put("path", origin == null ? null : origin.location().map(Path::toString).orElse(null));
            rows.add(row);
            if (!json) {
                // a plugin's id and name are its own text: shown with control characters made visible
                out.println(String.format("%-20s %-36s %s", ControlCharacters.escape(p.id()),
                        ControlCharacters.escape(p.displayName()),
                        origin == null ? "" : ControlCharacters.escape(origin.describe())));
            }
        }
        List<Object> jars = new ArrayList<>();
        for (Plugins.Jar jar : root.plugins().jars()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", jar.path().toString());
            row.put("from", jar.from());
            jars.add(row);
        }
        List<Object> notLoaded = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Plugins.Unreadable jar : root.plugins().unreadable()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", jar.path().toString());
            row.put("provider", null);
            row.put("reason", jar.reason());
            notLoaded.add(row);
            lines.add(jar.path() + " (" + jar.from() + "): " + jar.reason());
        }
        for (ProviderFailure f : factory.providerFailures(LanguageModelProvider.class)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", f.location().map(Path::toString).orElse(null));
            row.put("provider", f.provider());
            row.put("reason", f.reason());
            notLoaded.add(row);
            lines.add(f.provider() + f.location().map(l -> " (" + l + ")").orElse("") + ": " + f.reason());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("providers", rows);
            m.put("plugins", jars);
            m.put("notLoaded", notLoaded);
            out.print(JsonWriter.pretty(m));
            return ExitCodes.OK;
        }
        if (!jars.isEmpty()) {
            out.println();
            out.println("Plugin jars:");
            root.plugins().jars().forEach(j -> out.println("  " + j.path() + " (" + j.from() + ")"));
        }
        if (!lines.isEmpty()) {
            out.println();
            out.println("Not loaded:");
            lines.forEach(l -> out.println("  " + l));
        }
        return ExitCodes.OK;
    }

    @Override
    public Integer call() {
        if (providers) {
            root.listProviderFailures(); // listed below, not also on standard error
        }
        LanguageModels models = root.factory().languageModels();
        PrintWriter out = spec.commandLine().getOut();
        if (providers) {
            return listProviders(models, out);
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
            out.print(JsonWriter.pretty(rows));
        } else if (found.isEmpty()) {
            out.println("No models." + (selection.providerId().equals("ollama") ? " Pull one: ollama pull llama3.2" : ""));
        } else {
            found.forEach(m -> out.println(m.contextWindow() == 0 ? m.id()
                    : String.format("%-40s %,d tokens", m.id(), m.contextWindow())));
        }
        return ExitCodes.OK;
    }
}
