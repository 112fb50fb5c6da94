package dev.codefactory.cli;

import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.Section;
import dev.codefactory.domain.spec.Specification;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one contract: its front matter and its sections.")
final class SpecShowCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "A spec id (feature-001) or a path under contracts/.")
    String id;

    @Option(names = "--json", description = "Print a JSON object with every field and section.")
    boolean json;

    @Override
    public Integer call() {
        Specification s = parent.root.factory().show(parent.root.specArgument(id));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonWriter.pretty(SpecJson.full(s)));
            return ExitCodes.OK;
        }
        Style style = parent.root.style();
        out.println(style.bold(s.id() + "  " + s.title()));
        field(out, style, "status", s.status().label());
        field(out, style, "priority", s.priorityIfSet().map(Priority::label).orElse("-"));
        field(out, style, "tags", s.tags().isEmpty() ? "-" : String.join(", ", s.tags()));
        field(out, style, "author", s.author().isEmpty() ? "-" : s.author());
        field(out, style, "created", s.created().toString());
        field(out, style, "updated", s.updated().toString());
        field(out, style, "file", s.path());
        s.extra().forEach((k, v) -> field(out, style, k, String.valueOf(v)));
        List<Section> sections = s.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (section.level() > 1) {
                out.println();
                out.println(style.bold("#".repeat(section.level()) + " " + section.heading()));
            }
            String text = ownText(sections, i).strip();
            if (!text.isEmpty()) {
                out.println(text);
            }
        }
        return ExitCodes.OK;
    }

    /** The section's own text, without its subsections (they are printed after it). */
    private static String ownText(List<Section> sections, int i) {
        Section s = sections.get(i);
        if (i + 1 < sections.size() && sections.get(i + 1).level() > s.level()) {
            int own = sections.get(i + 1).line() - s.line() - 1;
            String[] lines = s.content().split("\n", -1);
            return String.join("\n", Arrays.copyOf(lines, Math.min(own, lines.length)));
        }
        return s.content();
    }

    private static void field(PrintWriter out, Style style, String name, String value) {
        out.println("  " + style.dim(String.format("%-9s", name)) + " " + value);
    }
}
