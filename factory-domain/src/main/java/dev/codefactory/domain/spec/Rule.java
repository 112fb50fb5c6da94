package dev.codefactory.domain.spec;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;

/** Every check the spec catalog makes, with the id that findings carry. */
// implements feature-001/FR-004
public enum Rule {
    FILE_UNREADABLE("file.unreadable", "the file could not be read"),
    FILE_ENCODING("file.encoding", "a contract must be UTF-8 text"),
    FILE_SIZE("file.size", "a contract must be under the size limit"),
    FILE_BINARY("file.binary", "a .md file must not hold binary data"),
    FILE_OUTSIDE_PROJECT("file.outside-project", "a contract must not lead outside the project (symlinks)"),
    FRONT_MATTER_MISSING("front-matter.missing", "a contract starts with YAML front matter between --- lines"),
    FRONT_MATTER_SYNTAX("front-matter.syntax", "the front matter must be valid YAML mapping"),
    FIELD_REQUIRED("field.required", "id, title, status, created and updated are required"),
    FIELD_TYPE("field.type", "each known field has its type"),
    ID_FORMAT("id.format", "ids are " + SpecId.FORMAT_DESCRIPTION),
    ID_DUPLICATE("id.duplicate", "ids are unique across contracts/"),
    STATUS_UNKNOWN("status.unknown", "status is one of " + SpecStatus.labels()),
    PRIORITY_UNKNOWN("priority.unknown", "priority is one of " + Priority.labels()),
    DATE_FORMAT("date.format", "created and updated are dates, YYYY-MM-DD"),
    DATE_ORDER("date.order", "updated is not before created"),
    SECTION_MISSING("section.missing", "the kind's required sections are present"),
    SECTION_EMPTY("section.empty", "the kind's required sections are not empty"),
    SECTION_OUTLINE("section.outline", "the kind's required sections hold more than sub-headings and comments"
            + " (a warning in a draft)", true),
    SECTION_PLACEHOLDER("section.placeholder", "no line is still the template's placeholder text (a warning in a"
            + " draft)", true),
    LINK_BROKEN("link.broken", "relative links resolve to files in the project"),
    REQUIREMENT_ID_MISSING("requirement.id-missing", "each requirement of an approved or implemented spec starts with"
            + " its id, FR-001: (a warning: 'factory spec ids' adds them)"),
    REQUIREMENT_ID_DUPLICATE("requirement.id-duplicate", "requirement ids are unique within a spec"),
    REQUIREMENT_ID_FORMAT("requirement.id-format", "requirement ids are FR-nnn or NFR-nnn followed by a colon"),
    REQUIREMENT_ID_REUSED("requirement.id-reused", "an id deleted from a spec (its git history) is retired, never"
            + " used again"),
    RECONCILED_FORMAT("reconciled.format", "reconciled, when present, is a full commit id (a warning)");

    private final String id;
    private final String description;
    private final boolean toleratedInDraft;

    Rule(String id, String description) {
        this(id, description, false);
    }

    Rule(String id, String description, boolean toleratedInDraft) {
        this.id = id;
        this.description = description;
        this.toleratedInDraft = toleratedInDraft;
    }

    /** The rule with this id, if there is one. */
    public static java.util.Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether a draft may break this rule while it is being written: then a draft's finding is a warning, and the
     * same finding is an error in any other status, so a draft that has it cannot be approved.
     */
    public boolean toleratedInDraft() {
        return toleratedInDraft;
    }

    /** A finding of this rule in a contract that is a draft ({@code draft}) or not. */
    public Finding finding(String file, int line, String message, boolean draft) {
        return draft && toleratedInDraft ? new Finding(id, Severity.WARNING, file, line, message)
                : error(file, line, message);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Finding error(String file, int line, String message) {
        return new Finding(id, Severity.ERROR, file, line, message);
    }

    public Finding warning(String file, int line, String message) {
        return new Finding(id, Severity.WARNING, file, line, message);
    }
}
