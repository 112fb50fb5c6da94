package dev.codefactory.domain.change;

import java.util.List;
import java.util.Objects;

/** The texts a change leaves in Git and on the code host: the commit message and the pull request. */
public final class ChangeTexts {
    /** The longest first-line subject a commit message gets from the request. */
    static final int SUBJECT = 60;
    /** The longest pull request title. */
    static final int TITLE = 72;

    private ChangeTexts() {
    }

    /**
     * The commit message of {@code p}: {@code change <id>: <the request's first line>} (cut to {@value #SUBJECT}
     * characters, ending with {@code ...} when longer), a blank line, then {@code Request:} with the full request,
     * {@code Specs:} with their ids (or {@code none}), and {@code Files:} with one {@code - action path} line each.
     */
    public static String commitMessage(ChangePlan p) {
        Objects.requireNonNull(p, "p");
        StringBuilder out = new StringBuilder();
        out.append("change ").append(p.id()).append(": ").append(cut(firstLine(p.request()), SUBJECT)).append("\n\n");
        out.append("Request:\n").append(p.request().strip()).append("\n\n");
        out.append("Specs: ").append(specIds(p)).append("\n\n");
        out.append("Files:\n");
        for (PlannedFile f : p.files()) {
            out.append("- ").append(f.action().word()).append(' ').append(f.path()).append('\n');
        }
        return out.toString();
    }

    /**
     * The pull request title of {@code p}: the request's first line, cut to {@value #TITLE} characters (ending with
     * {@code ...} when longer); {@code Change <id>} when the request is blank.
     */
    public static String pullRequestTitle(ChangePlan p) {
        Objects.requireNonNull(p, "p");
        String first = firstLine(p.request());
        return first.isEmpty() ? cut("Change " + p.id(), TITLE) : cut(first, TITLE);
    }

    /**
     * The pull request body of {@code p}: the sections {@code ## Request}, {@code ## Plan} (the summary and each file
     * with its reason), {@code ## Specs}, {@code ## Files} (the files with the effort and risk), {@code ## Commits}
     * (only when {@code commits} is not empty) and {@code ## Tests} ({@code testResult}, or "Not run." when blank),
     * and a closing line {@code Made with Code-Factory (factory change).}
     */
    public static String pullRequestBody(ChangePlan p, List<String> commits, String testResult) {
        Objects.requireNonNull(p, "p");
        StringBuilder out = new StringBuilder();
        out.append("## Request\n\n").append(p.request().strip()).append("\n\n");
        out.append("## Plan\n\n");
        if (!p.summary().isEmpty()) {
            out.append(p.summary()).append("\n\n");
        }
        for (PlannedFile f : p.files()) {
            out.append("- ").append(f.action().word()).append(" `").append(f.path()).append('`');
            if (!f.reason().isEmpty()) {
                out.append(": ").append(ChangePlanText.oneLine(f.reason()));
            }
            out.append('\n');
        }
        out.append("\n## Specs\n\n");
        if (p.specs().isEmpty()) {
            out.append("None.\n");
        }
        for (ChangePlan.SpecRef s : p.specs()) {
            out.append("- ").append(s.id());
            if (!s.title().isBlank()) {
                out.append(" (").append(ChangePlanText.oneLine(s.title())).append(')');
            }
            if (!s.reason().isEmpty()) {
                out.append(": ").append(ChangePlanText.oneLine(s.reason()));
            }
            out.append('\n');
        }
        out.append("\n## Files\n\n");
        for (PlannedFile f : p.files()) {
            out.append("- `").append(f.path()).append("` (").append(f.action().word()).append(")\n");
        }
        Impact.Result impact = p.impact();
        out.append("\nEffort: ").append(impact.effort().label()).append(". Risk: ").append(impact.risk().label()).append(". ")
                .append(count(impact.dependents().size(), "dependent file")).append(", ")
                .append(count(impact.tests().size(), "covering test")).append(".\n");
        List<String> shown = commits == null ? List.of() : commits.stream().filter(c -> c != null && !c.isBlank())
                .toList();
        if (!shown.isEmpty()) {
            out.append("\n## Commits\n\n");
            for (String commit : shown) {
                out.append("- ").append(ChangePlanText.oneLine(commit)).append('\n');
            }
        }
        out.append("\n## Tests\n\n");
        out.append(testResult == null || testResult.isBlank() ? "Not run." : testResult.strip()).append("\n\n");
        out.append("Made with Code-Factory (factory change).\n");
        return out.toString();
    }

    private static String specIds(ChangePlan p) {
        if (p.specs().isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (ChangePlan.SpecRef s : p.specs()) {
            out.append(out.length() == 0 ? "" : ", ").append(s.id());
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The first non-blank line of {@code text}, stripped; {@code ""} when there is none. */
    static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** {@code s} when at most {@code max} characters, else its first {@code max - 3} followed by {@code ...}. */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3).stripTrailing() + "...";
    }
}
