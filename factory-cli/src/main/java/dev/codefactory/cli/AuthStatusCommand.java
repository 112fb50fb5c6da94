package dev.codefactory.cli;

import dev.codefactory.app.secret.SecretService.SecretStatus;
import dev.codefactory.app.secret.SecretService.Status;
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

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show which keys are set and where each comes from (an environment variable, the keyring or"
                + " the encrypted file); never the keys themselves."})
final class AuthStatusCommand implements Callable<Integer> {

    @ParentCommand
    AuthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Status status = parent.root.factory().secrets().status();
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
            out.print(Json.write(m));
        } else {
            Style style = parent.root.style();
            out.println("Keys are stored in " + status.store() + " (" + status.storeId() + ").");
            for (SecretStatus s : status.secrets()) {
                out.println(String.format("  %-10s %-20s %s", s.provider(), s.name(),
                        s.source().map(style::green).orElse("not set")));
            }
        }
        if (status.problem().isPresent()) {
            spec.commandLine().getErr().println("factory: " + status.problem().get());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
