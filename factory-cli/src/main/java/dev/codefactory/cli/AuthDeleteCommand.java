package dev.codefactory.cli;

import dev.codefactory.app.secret.SecretService;
import dev.codefactory.domain.json.JsonWriter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete the stored key of PROVIDER (environment variables are left alone)."})
final class AuthDeleteCommand implements Callable<Integer> {

    @ParentCommand
    AuthCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROVIDER", description = "openai, anthropic, gemini, azure,"
            + " openai-compatible, github, any provider on the class path that declares a key, or a secret name.")
    String provider;

    @Option(names = "--json", description = "Print {name, deleted, location, overriddenBy} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SecretService.Change change = parent.root.factory().secrets().delete(provider);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonWriter.pretty(view(change, "deleted")));
            return ExitCodes.OK;
        }
        if (change.changed()) {
            out.println("Deleted " + change.name() + " from " + change.location() + ".");
        } else {
            out.println("No " + change.name() + " is stored in " + change.location() + ": nothing to delete.");
        }
        change.overriddenBy().ifPresent(v -> spec.commandLine().getErr().println("note: " + v + " is still set in"
                + " the environment and provides " + change.name() + "."));
        return ExitCodes.OK;
    }

    /** A stored or deleted secret as JSON: its name, whether it changed (as {@code what}), where, what overrides it. */
    static Map<String, Object> view(SecretService.Change change, String what) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", change.name());
        m.put(what, change.changed());
        m.put("location", change.location());
        m.put("overriddenBy", change.overriddenBy().orElse(null));
        return m;
    }
}
