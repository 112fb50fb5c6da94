package dev.codefactory.cli;

import dev.codefactory.port.change.ChangeRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the change orders of this project, newest first: id, when it started (local time),"
                + " status (started, applied, undone, abandoned; interrupted: started, and its process was killed"
                + " or crashed, which 'factory undo ID' puts back), branch, test result, request (cut to the width of"
                + " a terminal, whole when piped), and the pull request when one was opened.",
            "The records are kept in .factory/changes/, outside git; 'factory undo ID' puts one back."})
final class HistoryCommand implements Callable<Integer> {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the records as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ChangeRecord> records = root.factory().history();
        if (json) {
            List<Object> list = new ArrayList<>();
            records.forEach(r -> list.add(Views.change(r)));
            out.print(Json.write(list));
            return ExitCodes.OK;
        }
        if (records.isEmpty()) {
            out.println("No change orders yet; 'factory change \"REQUEST\"' makes one.");
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "CREATED", "STATUS", "BRANCH", "TESTS"});
        for (ChangeRecord r : records) {
            rows.add(new String[] {r.id(), WHEN.format(r.created().atZone(ZoneId.systemDefault())),
                r.status().name().toLowerCase(Locale.ROOT), r.branch(), r.tests()});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int used = 0;
        for (int w : widths) {
            used += w + 2;
        }
        // on a terminal a long request is cut to the width; piped, it is printed whole for the reader of the output
        int room = root.session().terminal() ? Math.max(20, columns() - used) : Integer.MAX_VALUE;
        for (int n = 0; n < rows.size(); n++) {
            String[] row = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            String request = n == 0 ? "REQUEST" : oneLine(records.get(n - 1).request());
            line.append(request.length() > room ? request.substring(0, room - 1) + "…" : request);
            out.println(n == 0 ? root.style().bold(line.toString().stripTrailing()) : line.toString().stripTrailing());
            if (n > 0 && !records.get(n - 1).pullRequest().isEmpty()) {
                out.println("  " + root.style().dim("pull request: ") + records.get(n - 1).pullRequest());
            }
            String hint = n > 0 ? Views.hint(records.get(n - 1)) : null;
            if (hint != null) {
                out.println("  " + root.style().yellow("interrupted:") + " its process stopped before the change"
                        + " was finished; '" + hint + "' puts everything back");
            }
        }
        return ExitCodes.OK;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** The terminal's width from COLUMNS, else 100. */
    private int columns() {
        try {
            int c = Integer.parseInt(root.session().environment().getOrDefault("COLUMNS", "").strip());
            return c > 0 ? c : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
