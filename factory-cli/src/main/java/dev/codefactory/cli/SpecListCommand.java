package dev.codefactory.cli;

import dev.codefactory.app.spec.ListSpecsUseCase.SpecList;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List specifications, architecture documents and decisions, by id.",
            "Files with errors are reported on standard error and make the exit code 1."})
final class SpecListCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", converter = Converters.Status.class,
            description = "Only this status: draft, approved, implemented or deprecated.")
    SpecStatus status;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only contracts with this tag.")
    String tag;

    @Option(names = "--priority", paramLabel = "LEVEL", converter = Converters.PriorityLevel.class,
            description = "Only this priority.")
    Priority priority;

    @Option(names = "--kind", paramLabel = "KIND", converter = Converters.Kind.class,
            description = "Only this kind: spec, architecture or decision.")
    SpecKind kind;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        SpecList list = parent.root.factory().list(new SpecQuery(status, tag, priority, kind));
        PrintWriter out = spec.commandLine().getOut();
        Style style = parent.root.style();
        if (json) {
            List<Object> rows = new ArrayList<>();
            list.specs().forEach(s -> rows.add(SpecJson.summary(s)));
            out.print(JsonWriter.pretty(rows));
        } else if (list.specs().isEmpty()) {
            boolean filtered = status != null || tag != null || priority != null || kind != null;
            out.println(filtered ? "No contracts match." : "No contracts yet: factory spec new \"Title\"");
        } else {
            table(out, style, list.specs());
        }
        if (!list.problems().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            long files = list.problems().stream().map(f -> f.file()).distinct().count();
            err.println(style.red("error:") + " " + files + (files == 1 ? " contract file has" : " contract files have")
                    + " errors (first: " + list.problems().get(0).oneLine() + "); run 'factory spec validate'");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private static void table(PrintWriter out, Style style, List<Specification> specs) {
        String[] head = {"ID", "STATUS", "PRIORITY", "TITLE", "TAGS"};
        List<String[]> rows = new ArrayList<>();
        for (Specification s : specs) {
            rows.add(new String[] {s.id().value(), s.status().label(),
                s.priorityIfSet().map(Priority::label).orElse("-"), s.title(), String.join(",", s.tags())});
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = head[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        out.println(style.bold(line(head, width)));
        StringBuilder all = new StringBuilder();
        for (String[] r : rows) {
            all.append(line(r, width)).append(System.lineSeparator());
        }
        out.print(all);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            b.append(cells[c]);
            if (c < cells.length - 1) {
                b.append(" ".repeat(width[c] - cells[c].length() + 2));
            }
        }
        return b.toString().stripTrailing();
    }
}
