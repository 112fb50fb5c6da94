package dev.codefactory.cli;

import dev.codefactory.app.secret.SecretService;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.text.ControlCharacters;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Store the key of PROVIDER, typed without echo (or read from the first line of standard input"
                + " when there is no terminal: printf '%%s' \"$KEY\" | factory auth set openai).",
            "PROVIDER is openai, anthropic, gemini, azure, openai-compatible or github, any other provider on the"
                + " class path that declares a key (factory auth status lists them), or a secret name such as"
                + " llm.openai.key.",
            "The key is never shown, logged or passed to another program's command line."})
final class AuthSetCommand implements Callable<Integer> {
    /** A key longer than this is not a key: stop reading. */
    static final int MAX_BYTES = 16 * 1024;

    @ParentCommand
    AuthCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROVIDER", description = "openai, anthropic, gemini, azure,"
            + " openai-compatible, github, any provider on the class path that declares a key, or a secret name.")
    String provider;

    @Option(names = "--json", description = "Print {name, stored, location, overriddenBy} as JSON (never the key).")
    boolean json;

    @Override
    public Integer call() {
        FactoryCommand root = parent.root;
        SecretService secrets = root.factory().secrets();
        String name = secrets.nameOf(provider);
        // a store that cannot keep it (no keyring and no FACTORY_MASTER_KEY, or one that does not open the file)
        // says so before the key is typed, not after
        secrets.requireWritable();
        String value = read(root.session(), name);
        SecretService.Change change = secrets.put(name, value);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonWriter.pretty(AuthDeleteCommand.view(change, "stored")));
            return ExitCodes.OK;
        }
        out.println(root.style().green("Stored") + " " + change.name() + " in " + change.location() + ".");
        change.overriddenBy().ifPresent(v -> spec.commandLine().getErr().println("note: " + v + " is set in the"
                + " environment and overrides the stored " + change.name() + " until it is unset."));
        return ExitCodes.OK;
    }

    private static String read(Session session, String name) {
        Console console = session.terminal() ? System.console() : null;
        String value;
        if (console != null) {
            char[] typed = console.readPassword("Key for %s (input hidden): ", ControlCharacters.escape(name));
            if (typed == null) {
                throw new InvalidCommandException("no key was typed for " + name + ": nothing was stored");
            }
            value = new String(typed).strip();
            Arrays.fill(typed, '\0');
        } else {
            value = firstLine(session.in()).strip();
        }
        if (value.isEmpty()) {
            throw new InvalidCommandException("no key was given for " + name + " (type it when asked, or pipe it"
                    + " on standard input): nothing was stored");
        }
        return value;
    }

    private static String firstLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (line.size() >= MAX_BYTES) {
                    throw new InvalidCommandException("the key on standard input is longer than " + MAX_BYTES
                            + " bytes: nothing was stored");
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the key from standard input failed", e);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
