package dev.codefactory.cli;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.spec.AssignRequirementIdsUseCase.AssignIdsCommand;
import dev.codefactory.app.spec.AssignRequirementIdsUseCase.FileIds;
import dev.codefactory.app.spec.AssignRequirementIdsUseCase.IdPlan;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.trace.AssignedId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ids", mixinStandardHelpOptions = true,
        description = {"Give stable ids to the requirements that have none: FR-nnn, and NFR-nnn under a"
                + " Non-Functional heading, each the next free number of its kind. Only 'ID: ' is inserted after"
                + " the list marker; nothing is renumbered, and an id the spec's git history shows was deleted is"
                + " never given again.",
            "The changes are shown as a diff and written after one question, every file or none; --yes writes"
                + " without asking (needed when standard input is not a terminal). Exit 4 when the answer is no:"
                + " nothing was written."})
// implements feature-010/FR-003
final class SpecIdsCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "0..*",
            description = "Spec ids or contract paths to give ids; all contracts when none are given.")
    List<String> specs = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Write the ids without asking; the diff is still shown.")
    boolean yes;

    @Option(names = "--json", description = "Print the result as a JSON object; the diff and the question go to"
            + " standard error.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FactoryCommand root = parent.root;
        CodeFactory factory = root.factory();
        List<String> named = specs.stream().map(root::specArgument).collect(Collectors.toList());
        IdPlan plan = factory.planIds(new AssignIdsCommand(named));
        boolean terminal = root.session().terminal();
        PrintWriter shown = json ? err : out;
        for (String skipped : plan.skipped()) {
            err.println(root.style().yellow("skipped") + " " + skipped);
        }
        if (plan.isEmpty()) {
            return done(out, plan, "nothing-to-do", "Every requirement has an id: nothing to do ("
                    + files(plan.checked()) + " checked).");
        }
        for (FileIds file : plan.files()) {
            DiffView.lines(file.path(), file.diff(), root.style()).forEach(shown::println);
        }
        String what = plan.idCount() + (plan.idCount() == 1 ? " id" : " ids") + " for " + files(plan.files().size());
        if (!yes) {
            if (!terminal) {
                shown.flush();
                throw new InvalidCommandException("standard input is not a terminal, so nobody can approve the "
                        + what + " shown: run 'factory spec ids --yes' to write them; nothing was written");
            }
            PrintWriter asking = json ? err : out;
            asking.flush();
            String answer = root.input().readLine("Write " + what + "? [y/N] ");
            if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                done(out, plan, "declined", "Nothing was written.");
                return ExitCodes.REJECTED;
            }
        }
        factory.writeIds(plan);
        return done(out, plan, "written", "Wrote " + what + ":");
    }

    private int done(PrintWriter out, IdPlan plan, String result, String summary) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("result", result);
            m.put("checked", plan.checked());
            List<Object> files = new ArrayList<>();
            for (FileIds file : plan.files()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", file.path());
                f.put("spec", file.specId());
                List<Object> ids = new ArrayList<>();
                for (AssignedId id : file.assigned()) {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("id", id.id().toString());
                    i.put("line", id.line());
                    ids.add(i);
                }
                f.put("ids", ids);
                files.add(f);
            }
            m.put("files", files);
            m.put("skipped", plan.skipped());
            out.print(JsonWriter.pretty(m));
            return ExitCodes.OK;
        }
        out.println(result.equals("written") ? parent.root.style().green(summary) : summary);
        if (result.equals("written")) {
            for (FileIds file : plan.files()) {
                out.println("  " + file.path() + ": " + file.assigned().stream().map(a -> a.id().toString())
                        .collect(Collectors.joining(", ")));
            }
        }
        return ExitCodes.OK;
    }

    private static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }
}
