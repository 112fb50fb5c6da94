package dev.codefactory.cli;

import dev.codefactory.app.spec.ListSpecsUseCase.SpecList;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.text.ControlCharacters;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code factory completion values ids|tags}: what the completion scripts ask for while a person presses Tab, one
 * value a line, from the project's spec listing (the use case of {@code spec list}). Plain and quiet: no colour, no
 * message, nothing at all on any failure (a folder that is no project, an unknown kind), and every control character
 * (tab and line feed too) left out, since a tag comes from a file and the script hands it to the shell's line editor.
 */
@Command(name = "values", hidden = true, mixinStandardHelpOptions = true,
        description = "For the completion scripts: the project's spec ids or tags, one a line.")
final class CompletionValuesCommand implements Callable<Integer> {

    @ParentCommand
    CompletionCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "ids or tags.")
    String kind;

    @Override
    public Integer call() {
        FactoryCommand root = parent.root;
        Set<String> values = new TreeSet<>();
        try {
            if (!kind.equals("ids") && !kind.equals("tags")) {
                return ExitCodes.USAGE;
            }
            root.listProviderFailures();
            SpecList list = root.factory().list(SpecQuery.ALL);
            for (Specification s : list.specs()) {
                if (kind.equals("ids")) {
                    values.add(s.id().value());
                } else {
                    s.tags().forEach(tag -> values.add(plain(tag)));
                }
            }
        } catch (RuntimeException e) { // nothing to offer: the shell completes nothing, and says nothing
            return ExitCodes.FAILURE;
        }
        values.remove("");
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder lines = new StringBuilder();
        values.forEach(v -> lines.append(v).append('\n'));
        out.print(lines);
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code text} without control characters, tab and line feed included, and without its outer blanks. */
    static String plain(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!ControlCharacters.isUnsafe(c) && !Character.isISOControl(c)) {
                b.append(c);
            }
        }
        return b.toString().strip();
    }
}
