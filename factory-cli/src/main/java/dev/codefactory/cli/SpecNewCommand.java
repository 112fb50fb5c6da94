package dev.codefactory.cli;

import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreatedSpec;
import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a specification from the project's template, with a new id, status draft and"
                + " today's date, and list it in contracts/README.md.")
final class SpecNewCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The title, in quotes: \"User login\".")
    String title;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Tags, comma-separated: --tags auth,api")
    List<String> tags = new ArrayList<>();

    @Option(names = "--priority", paramLabel = "LEVEL", converter = Converters.PriorityLevel.class,
            description = "low, medium (default), high or critical.")
    Priority priority = Priority.MEDIUM;

    @Option(names = "--kind", paramLabel = "KIND", converter = Converters.Kind.class,
            description = "spec (default, contracts/specs), architecture or decision (an ADR).")
    SpecKind kind = SpecKind.SPEC;

    @Option(names = "--author", paramLabel = "NAME",
            description = "Author; default FACTORY_AUTHOR, GIT_AUTHOR_NAME or USER from the environment.")
    String author;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CreatedSpec created = parent.root.factory()
                .create(new CreateSpecCommand(title, kind, tags, priority, author));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonWriter.pretty(SpecJson.summary(created.spec())));
        } else {
            out.println(parent.root.style().green("Created") + " " + created.spec().id() + " "
                    + created.spec().title() + " (" + created.spec().status().label() + ")");
            out.println("  " + created.path());
        }
        return ExitCodes.OK;
    }
}
