package dev.codefactory.cli;

import dev.codefactory.app.secret.SecretService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

// implements feature-004/FR-005
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Forget the stored GitHub token (GITHUB_TOKEN, when set, is left alone and reported).",
            "The token stays valid on GitHub until you revoke it there (Settings > Applications)."})
final class AuthLogoutCommand implements Callable<Integer> {

    @ParentCommand
    AuthCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "github")
    String host;

    @Override
    public Integer call() {
        SecretService.Change change = parent.root.factory().codeHosts().logout(host);
        PrintWriter out = spec.commandLine().getOut();
        if (change.changed()) {
            out.println("Signed out of GitHub: deleted " + change.name() + " from " + change.location() + ".");
        } else {
            out.println("Not signed in to GitHub: no " + change.name() + " is stored in " + change.location() + ".");
        }
        change.overriddenBy().ifPresent(v -> spec.commandLine().getErr().println("note: " + v + " is still set in"
                + " the environment and signs you in; unset it to sign out completely."));
        return ExitCodes.OK;
    }
}
