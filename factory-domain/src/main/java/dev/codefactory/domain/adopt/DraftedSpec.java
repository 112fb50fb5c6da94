package dev.codefactory.domain.adopt;

import dev.codefactory.domain.intake.DraftRequirementIds;
import dev.codefactory.domain.intake.ModelMarkdown;
import dev.codefactory.domain.intake.TemplateSections;
import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.trace.SpecRequirements;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A spec body drafted by a model from a capability's evidence, and what is wrong with it (feature-011, FR-007,
 * FR-008): the answer is cleaned as intake cleans its drafts ({@link ModelMarkdown}: chatter, an outer code fence and
 * the model's own front matter go, control characters are made visible), then checked: the required sections
 * ({@link #REQUIRED_SECTIONS}), every requirement's id ({@link DraftRequirementIds}, the rules of
 * {@code domain.trace}), at least one requirement, an evidence line ({@link RecordedEvidence}) under each one that
 * cites only locations of the capability's evidence, and an answer that was not cut off. The problems are what the
 * one repair request ({@link AdoptPrompts#repair}) asks to fix, each saying where and what to do.
 *
 * @param body           the markdown body (no front matter), starting with {@code # title}, ending with one newline
 * @param problems       what is wrong, in the order found; empty when the draft is sound
 * @param truncated      the answer looks cut off before its end
 * @param hadFrontMatter the model wrote front matter of its own, which was removed
 */
// implements feature-011/FR-007, feature-011/FR-008
public record DraftedSpec(String body, List<String> problems, boolean truncated, boolean hadFrontMatter) {
    /** The level-2 sections a drafted spec must have, in this order. */
    public static final List<String> REQUIRED_SECTIONS = List.of("Overview", "Requirements", "Open Questions");
    /** The front matter of an adopted spec, filled by {@link SpecTemplate} as a new contract's is. */
    private static final String FRONT_MATTER = "---\nid: {{id}}\ntitle: {{title}}\nstatus: {{status}}\n"
            + "created: {{date}}\nupdated: {{date}}\nauthor: {{author}}\ntags: {{tags}}\npriority: {{priority}}\n---\n";

    public DraftedSpec {
        Objects.requireNonNull(body, "body");
        problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong with it. */
    public boolean sound() {
        return problems.isEmpty();
    }

    /**
     * Reads a model's answer drafting {@code capability}.
     *
     * @param answer         the model's text, as returned ({@code null} counts as empty)
     * @param stoppedAtLimit the model stopped because it reached its output limit (its finish reason)
     */
    public static DraftedSpec read(String answer, Capability capability, boolean stoppedAtLimit) {
        Objects.requireNonNull(capability, "capability");
        ModelMarkdown.Extracted extracted = ModelMarkdown.extract(answer);
        if (extracted.isEmpty()) {
            return new DraftedSpec("", List.of("the answer holds no spec: write the whole spec body, starting with"
                    + " \"# " + oneLine(capability.title()) + "\""), stoppedAtLimit, extracted.hadFrontMatter());
        }
        String body = withTitle(extracted.body(), capability.title());
        List<String> problems = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (TemplateSections.Section s : TemplateSections.of(body)) {
            if (s.level() == 2) {
                headings.add(s.heading().toLowerCase(Locale.ROOT));
            }
        }
        boolean lastMissing = false;
        for (String required : REQUIRED_SECTIONS) {
            if (!headings.contains(required.toLowerCase(Locale.ROOT))) {
                problems.add("the section \"## " + required + "\" is missing: add it"
                        + (required.equals("Open Questions") ? " at the end (write \"None.\" when nothing is unclear)"
                        : ""));
                lastMissing = required.equals(REQUIRED_SECTIONS.get(REQUIRED_SECTIONS.size() - 1));
            }
        }
        SpecRequirements requirements = SpecRequirements.read(body, 1);
        if (requirements.items().isEmpty() && headings.contains("requirements")) {
            problems.add("the Requirements section lists no requirement: write each behaviour the evidence shows as"
                    + " \"- FR-001: ...\" followed by its evidence line");
        }
        problems.addAll(DraftRequirementIds.problems(body));
        problems.addAll(evidenceProblems(body, requirements, capability));
        boolean truncated = stoppedAtLimit || extracted.truncated() || endsMidway(body);
        if (truncated) {
            problems.add("the answer was cut off before its end" + (lastMissing ? " (it stops before \"## Open"
                    + " Questions\")" : "") + ": write the whole spec again, shorter if need be");
        }
        return new DraftedSpec(body, problems, truncated, extracted.hadFrontMatter());
    }

    /** Evidence lines citing what was not given, and requirements without one. */
    private static List<String> evidenceProblems(String body, SpecRequirements requirements, Capability capability) {
        Set<String> allowed = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        for (SourceLocation at : evidence(capability)) {
            allowed.add(at.toString());
            paths.add(at.path());
        }
        List<RecordedEvidence.Entry> entries = RecordedEvidence.read(body);
        Set<String> cited = new TreeSet<>();
        List<String> out = new ArrayList<>();
        for (RecordedEvidence.Entry e : entries) {
            cited.add(e.requirement());
            String at = e.at().toString();
            if (allowed.contains(at) || e.at().line() == 0 && paths.contains(at)) {
                continue;
            }
            List<String> near = new ArrayList<>();
            for (String a : allowed) {
                if (a.startsWith(e.at().path() + ":") || a.equals(e.at().path())) {
                    near.add("`" + a + "`");
                }
            }
            out.add("line " + e.line() + ": " + e.requirement() + " cites `" + oneLine(at) + "`, which is not a"
                    + " location of the evidence given" + (near.isEmpty() ? " (that file is not in it)"
                    : " (in that file: " + String.join(", ", near) + ")")
                    + ": cite only locations listed in the evidence, written exactly");
        }
        requirements.items().forEach(item -> {
            if (item.id() != null && !cited.contains(item.id().toString())) {
                out.add("line " + item.line() + ": " + item.id() + " has no evidence line: add one under it,"
                        + " \"  Evidence: implements `path:line`, covers `path:line`\", with locations of the"
                        + " evidence given");
            }
        });
        return out;
    }

    /** Every location of the capability's evidence: its surfaces, tests and docs. */
    static List<SourceLocation> evidence(Capability capability) {
        List<SourceLocation> out = new ArrayList<>();
        capability.surfaces().forEach(s -> out.add(s.at()));
        capability.tests().forEach(t -> out.add(t.at()));
        capability.docs().forEach(d -> out.add(d.at()));
        return out;
    }

    /** Whether the body's last line stops mid-way: an unclosed code span, a trailing comma, colon or hyphen. */
    private static boolean endsMidway(String body) {
        String[] lines = body.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        if (last.startsWith("#")) {
            return false;
        }
        if (last.equals(dev.codefactory.domain.spec.Requirements.EVIDENCE_LABEL)) {
            return true;
        }
        long ticks = last.chars().filter(c -> c == '`').count();
        char end = last.charAt(last.length() - 1);
        return ticks % 2 == 1 || end == ',' || end == ':' || end == '-' || end == '(' || end == '/';
    }

    /** {@code body}, starting with a level-1 heading: the model's own, or {@code # title} added. */
    static String withTitle(String body, String title) {
        if (body.startsWith("# ")) {
            return body;
        }
        return "# " + oneLine(title) + "\n\n" + body;
    }

    /**
     * The front matter of an adopted spec, both {@code ---} lines included, ending with a newline: written as a new
     * contract's is ({@link SpecTemplate}: values quoted as YAML needs them).
     */
    public static String frontMatter(String id, String title, String author, LocalDate date, List<String> tags) {
        return new SpecTemplate(SpecKind.SPEC, "adopt", FRONT_MATTER).render(new SpecTemplate.Values(new SpecId(id),
                oneLine(title), date, author == null ? "" : oneLine(author), tags, Priority.MEDIUM));
    }

    /** Untrusted text on one line: control characters become {@code ?}. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || dev.codefactory.domain.text.ControlCharacters.isUnsafe(c) ? '?' : c);
        }
        return out.toString().strip();
    }
}
