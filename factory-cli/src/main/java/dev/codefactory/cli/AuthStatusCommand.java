package dev.codefactory.cli;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.secret.SecretService.SecretStatus;
import dev.codefactory.app.secret.SecretService.Status;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.port.codehost.HostUser;
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

// implements feature-004/FR-005
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show which keys are set and where each comes from (an environment variable, the keyring or"
                + " the encrypted file); never the keys themselves. Lists the key of every provider on the class"
                + " path that declares one, plugins included.",
            "When a GitHub token is set, asks GitHub whose it is (skip with --offline)."})
final class AuthStatusCommand implements Callable<Integer> {

    @ParentCommand
    AuthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Option(names = "--offline", description = "Do not ask GitHub whose the token is.")
    boolean offline;

    @Override
    public Integer call() {
        Status status = parent.root.factory().secrets().status();
        CodeHostAccess.Status github = githubStatus();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("store", status.storeId());
            m.put("location", status.store());
            m.put("problem", status.problem().orElse(null));
            List<Object> secrets = new ArrayList<>();
            for (SecretStatus s : status.secrets()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("provider", s.provider());
                e.put("name", s.name());
                e.put("set", s.source().isPresent());
                e.put("source", s.source().orElse(null));
                secrets.add(e);
            }
            m.put("secrets", secrets);
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("token", github.tokenName());
            g.put("source", github.source().orElse(null));
            g.put("login", github.user().map(HostUser::login).orElse(null));
            g.put("scopes", github.user().map(HostUser::scopes).orElse(null));
            g.put("problem", github.problem().orElse(null));
            m.put("github", g);
            out.print(JsonWriter.pretty(m));
        } else {
            Style style = parent.root.style();
            out.println("Keys are stored in " + status.store() + " (" + status.storeId() + ").");
            // columns as wide as the longest id and name: added providers bring ids of their own
            int ids = status.secrets().stream().mapToInt(s -> ControlCharacters.escape(s.provider()).length())
                    .max().orElse(0);
            int names = status.secrets().stream().mapToInt(s -> s.name().length()).max().orElse(0);
            for (SecretStatus s : status.secrets()) {
                out.println(String.format("  %-" + ids + "s  %-" + names + "s  %s",
                        ControlCharacters.escape(s.provider()), s.name(),
                        s.source().map(style::green).orElse("not set")));
            }
            out.println(githubLine(github, style));
        }
        if (status.problem().isPresent()) {
            spec.commandLine().getErr().println("factory: " + status.problem().get());
            return ExitCodes.FAILURE;
        }
        if (github.problem().isPresent()) {
            spec.commandLine().getErr().println("factory: " + github.problem().get());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private CodeHostAccess.Status githubStatus() {
        boolean check = !offline && parent.root.factory().codeHosts().token().isPresent();
        Spinner spinner = new Spinner(parent.root.err(), check && parent.root.session().terminal() && !json,
                () -> "asking GitHub whose the token is");
        spinner.start();
        try {
            return parent.root.factory().codeHosts().status(check);
        } finally {
            spinner.stop();
        }
    }

    private static String githubLine(CodeHostAccess.Status github, Style style) {
        if (github.source().isEmpty()) {
            return "GitHub: not signed in; run `factory auth login github` (or set GITHUB_TOKEN).";
        }
        String from = " (token from " + github.source().get() + ")";
        if (github.user().isPresent()) {
            HostUser user = github.user().get();
            return "GitHub: signed in as " + style.green(user.login()) + from
                    + (user.scopes().isEmpty() ? "" : ", scopes: " + user.scopes()) + ".";
        }
        if (github.problem().isPresent()) {
            return "GitHub: the token could not be checked" + from + ".";
        }
        return "GitHub: a token is set" + from + "; not checked (--offline).";
    }
}
