package dev.codefactory.domain.adopt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The skeleton spec {@code --offline} writes for a capability: the front matter (status {@code draft}, tags from the
 * module, the author), an overview to write, the evidence lists, and empty requirements for a person to fill in
 * (feature-011, FR-011). Every name and path comes from code nobody here wrote: each is written in a code span
 * ({@link RecordedEvidence}'s), control characters made visible, so the markdown stays intact. It validates as a
 * draft: the overview line is the template's placeholder and the requirements hold only a hint, which the validator
 * tolerates in a draft and refuses once approved.
 */
// implements feature-011/FR-011
public final class SpecSkeleton {
    private SpecSkeleton() {
    }

    /** The markdown of the skeleton for {@code capability}, as spec {@code id}: its front matter and its body. */
    public static String markdown(Capability capability, String id, String author, LocalDate date) {
        return DraftedSpec.frontMatter(id, capability.title(), author, date, capability.tags()) + "\n"
                + body(capability);
    }

    /** The body of the skeleton for {@code capability}, for a catalog that writes the front matter itself. */
    public static String body(Capability capability) {
        Objects.requireNonNull(capability, "capability");
        String title = DraftedSpec.oneLine(capability.title());
        StringBuilder body = new StringBuilder();
        body.append("# ").append(title).append("\n\n");
        body.append("## Overview\n\n");
        body.append("<!-- What this capability does, for whom and why, from the evidence below. -->\n");
        body.append(title).append(": replace this line with what the feature does, for whom, and why.\n\n");
        body.append("## Evidence\n\n");
        body.append("<!-- What adoption found in the code (factory adopt --offline); cite these under each"
                + " requirement. -->\n\n");
        body.append("### Surfaces\n\n");
        list(body, capability.surfaces().stream().map(s -> s.kind().id() + " " + RecordedEvidence.span(s.name())
                + (s.detail().isEmpty() ? "" : " (" + RecordedEvidence.span(s.detail()) + ")") + " at "
                + RecordedEvidence.span(s.at().toString())).toList());
        body.append("### Tests\n\n");
        list(body, capability.tests().stream().map(t -> RecordedEvidence.span(t.name()) + " at "
                + RecordedEvidence.span(t.at().toString())).toList());
        body.append("### Documentation\n\n");
        list(body, capability.docs().stream().map(d -> d.kind().id() + " " + RecordedEvidence.span(d.title())
                + " at " + RecordedEvidence.span(d.at().toString())).toList());
        body.append("## Requirements\n\n");
        body.append("### Functional\n\n");
        body.append("<!-- What the code does, one testable statement per item, each starting with its id and followed"
                + " by the evidence that shows it:\n- FR-001: Owners are listed by last name.\n  "
                + RecordedEvidence.line(List.of(new SourceLocation("path/of/the/code", 42)),
                        List.of(new SourceLocation("path/of/the/test", 30))).strip()
                + "\n-->\n\n");
        body.append("## Open Questions\n\n");
        body.append("<!-- What the code leaves unclear: behaviour that may be a bug, limits nobody wrote down. -->\n");
        return body.toString();
    }

    private static void list(StringBuilder out, List<String> items) {
        if (items.isEmpty()) {
            out.append("None found.\n\n");
            return;
        }
        for (String item : items) {
            out.append("- ").append(item).append('\n');
        }
        out.append('\n');
    }
}
