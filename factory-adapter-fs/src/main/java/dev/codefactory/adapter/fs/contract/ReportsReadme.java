package dev.codefactory.adapter.fs.contract;

import java.util.List;

/**
 * {@code reports/README.md}: a short header and the generated list of reports, newest first.
 *
 * <p>Shared inside the fs adapter only: public for its sibling packages, not part of the adapter's API.
 */
public final class ReportsReadme {
    public static final String PATH = "reports/README.md";
    static final String START = "<!-- factory:reports:start -->";
    static final String END = "<!-- factory:reports:end -->";
    static final MarkerBlock INDEX = new MarkerBlock(START, END);

    static final String HEADER = "# Reports\n\n"
            + "What Code-Factory's checks and reviews found, one markdown file per run, named"
            + " `<kind>-<date>.md`.\n"
            + "A report is never overwritten: a second run on the same day is saved as `<kind>-<date>-2.md`,"
            + " then `-3`, and so on.\n"
            + "The list below is generated; write anything you like outside its markers.\n\n";

    private ReportsReadme() {
    }

    /** The block between (and including) the markers for report file names given newest first. */
    static String block(List<String> fileNamesNewestFirst) {
        StringBuilder out = new StringBuilder(START).append('\n');
        if (fileNamesNewestFirst.isEmpty()) {
            out.append("No reports yet.\n");
        }
        for (String name : fileNamesNewestFirst) {
            out.append("- [").append(name).append("](").append(name.replace(" ", "%20")).append(")\n");
        }
        return out.append(END).append('\n').toString();
    }

    public static String initial() {
        return HEADER + block(List.of());
    }
}
