package dev.codefactory.domain.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a check found: which rule, how serious, where (a project-relative file and a 1-based line, 0 when
 * the finding is about the whole file) and a message a person can act on.
 */
public record Finding(String ruleId, Severity severity, String file, int line, String message) {

    /**
     * Order of a report: by file, then line, then rule. (Written out: the lambdas inside Comparator.comparing are
     * not in the start-up archive, and generating them cost every spec list 5 ms; feature-013/NFR-001.)
     */
    public static final Comparator<Finding> BY_LOCATION = (a, b) -> {
        int byFile = a.file.compareTo(b.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(a.line, b.line);
        return byLine != 0 ? byLine : a.ruleId.compareTo(b.ruleId);
    };

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive, was " + line);
        }
    }

    public static Finding error(String ruleId, String file, int line, String message) {
        return new Finding(ruleId, Severity.ERROR, file, line, message);
    }

    public static Finding warning(String ruleId, String file, int line, String message) {
        return new Finding(ruleId, Severity.WARNING, file, line, message);
    }

    /** {@code file:line} or just {@code file} when the finding is about the whole file. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    /** The one-line form used in terminals and logs: {@code file:line: severity: message [rule]}. */
    public String oneLine() {
        return location() + ": " + severity.label() + ": " + message + " [" + ruleId + "]";
    }
}
