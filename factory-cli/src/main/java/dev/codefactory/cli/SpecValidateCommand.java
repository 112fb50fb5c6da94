package dev.codefactory.cli;

import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidationResult;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.spec.Validation;
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

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check contracts against the catalog's rules: front matter present and valid, required"
                + " fields and types, id format and uniqueness, known status and priority, dates, required"
                + " sections, relative links, requirement ids (missing on an approved or implemented spec, duplicate,"
                + " malformed, or deleted in the spec's git history and used again).",
            "Each finding is printed as FILE:LINE: SEVERITY: MESSAGE [RULE]; the exit code is 1 when any is an"
                + " error."})
final class SpecValidateCommand implements Callable<Integer> {

    @ParentCommand
    SpecCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*",
            description = "Spec ids or contract paths to check; all when none are given.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--report", description = "Also write the result to reports/validation-DATE.md.")
    boolean report;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // implements feature-013/NFR-004: the findings are all it prints, so no contract is kept once checked
        ValidationResult result = parent.root.factory().validate(new ValidateSpecsCommand(ids, report)
                .findingsOnly());
        Validation v = result.validation();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonWriter.pretty(SpecJson.validation(v, result.reportPath())));
        } else {
            Style style = parent.root.style();
            StringBuilder lines = new StringBuilder();
            for (Finding f : v.findings()) {
                String severity = f.severity() == Severity.ERROR ? style.red("error")
                        : style.yellow(f.severity().label());
                lines.append(f.location()).append(": ").append(severity).append(": ").append(f.message())
                        .append(" [").append(f.ruleId()).append(']').append(System.lineSeparator());
            }
            out.print(lines);
            long warnings = v.findings().size() - v.errors();
            String summary = v.files() + (v.files() == 1 ? " file" : " files") + " checked: " + v.errors()
                    + (v.errors() == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
            out.println(v.isValid() ? style.green(summary) : summary);
            if (!result.reportPath().isEmpty()) {
                out.println("Report written to " + result.reportPath());
            }
        }
        return v.isValid() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
