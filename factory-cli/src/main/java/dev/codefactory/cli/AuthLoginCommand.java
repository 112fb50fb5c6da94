package dev.codefactory.cli;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.codehost.DeviceFlowListener;
import dev.codefactory.app.codehost.Sleeper;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.codehost.DeviceAuthorization;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

// implements feature-004/FR-005
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in to GitHub with its device flow: prints a one-time code and the address where you"
                + " enter it, waits until you have, stores the token in the keyring (or the encrypted file) and"
                + " says who you are.",
            "Needs the client id of an OAuth app with the device flow enabled (github.client-id) and asks for the"
                + " scopes in github.scopes (repo). For GitHub Enterprise set github.api-url and github.web-url.",
            "Nothing is stored when the code expires, the authorization is refused or you press Ctrl-C."})
final class AuthLoginCommand implements Callable<Integer> {
    @ParentCommand
    AuthCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "github")
    String host;

    @Option(names = "--json", description = "Print the result as JSON (the code and address still go to standard"
            + " error, for the person to read).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Style style = parent.root.style();
        PrintWriter prompt = json ? err : out;
        boolean terminal = parent.root.session().terminal();
        String[] left = {""};
        Spinner spinner = new Spinner(parent.root.err(), terminal, () -> "waiting for the code to be entered" + left[0]);
        DeviceFlowListener listener = new DeviceFlowListener() {
            @Override
            public void codeReady(DeviceAuthorization auth) {
                // the formatter is made here, not in a static field: every command's help makes this class
                String until = DateTimeFormatter.ofPattern("HH:mm").format(
                        auth.expiresAt().atZone(ZoneId.systemDefault()));
                prompt.println("Open " + auth.verificationUri() + " and enter the code " + style.bold(auth.userCode())
                        + " (valid until " + until + ").");
                prompt.flush();
                spinner.start();
            }

            @Override
            public void waiting(Duration elapsed, Duration remaining) {
                left[0] = " (" + remaining.toMinutes() + " min " + remaining.toSecondsPart() + " s left)";
            }
        };
        CodeHostAccess.Login login;
        try {
            login = parent.root.factory().codeHosts().login(host, listener, Sleeper.REAL);
        } finally {
            spinner.stop();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", host);
            m.put("login", login.user().login());
            m.put("name", login.user().name());
            m.put("scopes", login.scopes());
            m.put("storedIn", login.storedIn());
            m.put("overriddenBy", login.overriddenBy().orElse(null));
            out.print(JsonWriter.pretty(m));
        } else {
            String name = login.user().name().isEmpty() ? "" : " (" + login.user().name() + ")";
            out.println("Signed in to GitHub as " + style.green(login.user().login()) + name + ", scopes: "
                    + (login.scopes().isEmpty() ? "none" : login.scopes()) + ". Token stored in " + login.storedIn()
                    + ".");
        }
        login.overriddenBy().ifPresent(v -> err.println("note: " + v + " is set in the environment and is used"
                + " instead of the stored token; unset it to use the new one."));
        return ExitCodes.OK;
    }
}
