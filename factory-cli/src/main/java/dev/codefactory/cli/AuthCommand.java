package dev.codefactory.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "auth", mixinStandardHelpOptions = true,
        description = {"Store, check and delete the keys of model providers; sign in to and out of GitHub.",
            "Keys go to the OS keyring when one answers (Secret Service on Linux, the Keychain on macOS, the"
                + " Credential Manager on Windows), else to"
                + " an encrypted file, ~/.config/factory/secrets.enc, whose master key is FACTORY_MASTER_KEY.",
            "OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY (or GOOGLE_API_KEY), AZURE_OPENAI_API_KEY,"
                + " GITHUB_TOKEN and the variable each added provider declares override what is stored."})
final class AuthCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
