package dev.codefactory.domain.adopt;

import dev.codefactory.domain.change.ChangePrompts.Prompt;
import dev.codefactory.domain.review.CodeFile;
import java.util.List;

/**
 * The model's instructions for drafting a spec from a capability's evidence (feature-011, FR-007): the evidence
 * (surfaces, tests, docs) and code excerpts packed to the context window as review packs them, what did not fit
 * listed by name, the project's template, and the rule that every requirement cites the files and lines that show
 * it. Untrusted text goes in data blocks.
 */
// implements feature-011/FR-007
public final class AdoptPrompts {
    private AdoptPrompts() {
    }

    /**
     * The prompt drafting {@code capability} from {@code files} (their text, read for this prompt only) within
     * {@code contextTokens}; {@code feedback} is the person's ("" for a first draft).
     */
    public static Drafting draft(Capability capability, String template, List<CodeFile> files, int contextTokens,
                                 String feedback) {
        throw new UnsupportedOperationException("skeleton: AdoptPrompts.draft");
    }

    /** The one repair request for a draft with {@code problems}. */
    public static Prompt repair(Prompt original, String draft, List<String> problems) {
        throw new UnsupportedOperationException("skeleton: AdoptPrompts.repair");
    }

    /**
     * A drafting prompt and what it leaves out.
     *
     * @param prompt  what is sent
     * @param leftOut the files (or {@code path:from-to} excerpts) that did not fit, shown to the person
     */
    public record Drafting(Prompt prompt, List<String> leftOut) {
        public Drafting {
            leftOut = List.copyOf(leftOut);
        }
    }
}
