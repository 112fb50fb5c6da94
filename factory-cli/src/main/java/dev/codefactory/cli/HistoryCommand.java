package dev.codefactory.cli;

import dev.codefactory.domain.json.JsonWriter;
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
                + " or crashed, which 'factory undo ID' puts back), branch, test result, request, and the pull request"
                + " when one was opened. On a terminal the rows fit its width: the request is cut, and a narrow one"
                + " leaves out the branch, then the time, then the test result; piped, everything is printed whole.",
            "The records are kept in .factory/changes/, outside git; 'factory undo ID' puts one back."})
final class HistoryCommand implements Callable<Integer> {
    /** On a terminal too narrow for every column and this much of the request: branch, then created, then tests. */
    private static final int[] DROPPED_FIRST = {3, 1, 4};
    private static final int MIN_REQUEST = 20;

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
            out.print(JsonWriter.pretty(list));
            return ExitCodes.OK;
        }
        if (records.isEmpty()) {
            out.println("No change orders yet; 'factory change \"REQUEST\"' makes one.");
            return ExitCodes.OK;
        }
        String[] header = {"ID", "CREATED", "STATUS", "BRANCH", "TESTS"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        // made here, not in a static field: the help of every command makes this class (feature-013/FR-005)
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
        for (ChangeRecord r : records) {
            rows.add(new String[] {r.id(), when.format(r.created().atZone(ZoneId.systemDefault())),
                r.status().name().toLowerCase(Locale.ROOT), r.branch(), r.tests()});
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        // on a terminal the rows fit its width: the request is cut to what is left, and on a narrow one the columns
        // a person needs least go first; piped, everything is printed whole for the reader of the output
        boolean terminal = root.session().terminal();
        int columns = terminal ? root.tty().columns() : Integer.MAX_VALUE;
        boolean[] shown = {true, true, true, true, true};
        for (int drop : DROPPED_FIRST) {
            if (used(widths, shown) + MIN_REQUEST <= columns) {
                break;
            }
            shown[drop] = false;
        }
        int room = terminal ? Math.max(1, columns - used(widths, shown)) : Integer.MAX_VALUE;
        for (int n = 0; n < rows.size(); n++) {
            String[] row = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                if (shown[i]) {
                    line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
                }
            }
            String request = n == 0 ? "REQUEST" : oneLine(records.get(n - 1).request());
            line.append(Tty.fit(request, room));
            // the last resort of a very narrow terminal: the row itself is cut
            String text = Tty.fit(line.toString().stripTrailing(), columns);
            out.println(n == 0 ? root.style().bold(text) : text);
            if (n > 0) {
                records.get(n - 1).publication().pullRequest()
                        .ifPresent(url -> out.println("  " + root.style().dim("pull request: ") + url));
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

    /** The columns {@code shown} take, each with the two spaces after it. */
    private static int used(int[] widths, boolean[] shown) {
        int used = 0;
        for (int i = 0; i < widths.length; i++) {
            used += shown[i] ? widths[i] + 2 : 0;
        }
        return used;
    }
}
