package dev.codefactory.domain.trace;

import dev.codefactory.domain.spec.SpecId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The links in one line of text, in any language's comment syntax (feature-010, FR-006): the word
 * {@code implements} or {@code covers} followed by one or more references separated by commas or spaces
 * ({@code // implements} {@code feature-010/FR-003, feature-010/FR-004}, {@code # covers}
 * {@code feature-010/NFR-001}), and, in a test file, a JUnit {@code @Tag("feature-010/FR-003")}, which is a
 * {@code covers} link.
 *
 * <p>The words are lowercase and whole (not {@code recovers}); a reference is a run of letters, digits, hyphens,
 * underscores and slashes, ended by anything else ({@code .}, {@code )}, {@code *&#47;}). What follows a word is a
 * link only when it looks like one: {@code class A implements Runnable} is no link and no finding, while
 * {@code implements} before {@code feature-010/FR-1}, or {@code covers} before a bare {@code FR-003} (no spec), is a
 * finding. The scan is linear, without regular expressions, and takes any line: any length, control characters, a
 * trailing carriage return.
 *
 * @param links    the links, in column order
 * @param findings the malformed references, in column order
 */
// implements feature-010/FR-006
public record Links(List<Link> links, List<LinkFinding> findings) {
    private static final String TAG = "Tag(";
    /** The longest {@code @Tag} value read; a longer one is no link. */
    private static final int MAX_TAG = 200;

    public Links {
        links = List.copyOf(links);
        findings = List.copyOf(findings);
    }

    /**
     * Scans one line.
     *
     * @param line     the line, with or without its line ending
     * @param testFile whether the line is from a test file, where a JUnit {@code @Tag} is a link too
     */
    public static Links scan(String line, boolean testFile) {
        Objects.requireNonNull(line, "line");
        List<Link> links = new ArrayList<>();
        List<LinkFinding> findings = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            int next = i + 1;
            if (c == 'i' || c == 'c') {
                LinkKind kind = c == 'i' ? LinkKind.IMPLEMENTS : LinkKind.COVERS;
                if (isWordAt(line, i, kind.word())) {
                    next = Math.max(next, list(line, i + kind.word().length(), kind, links, findings));
                }
            } else if (c == 'T' && testFile && i > 0 && (line.charAt(i - 1) == '@' || line.charAt(i - 1) == '.')
                    && line.startsWith(TAG, i)) {
                next = Math.max(next, tag(line, i + TAG.length(), links, findings));
            }
            i = next;
        }
        return new Links(links, findings);
    }

    /** Whether the whole word {@code word} starts at {@code i}, followed by a space or tab. */
    private static boolean isWordAt(String line, int i, String word) {
        int end = i + word.length();
        return (i == 0 || !isWordChar(line.charAt(i - 1))) && line.startsWith(word, i)
                && end < line.length() && isBlank(line.charAt(end));
    }

    /** Reads the references after a word from {@code pos}; returns where reading stopped. */
    private static int list(String line, int pos, LinkKind kind, List<Link> links, List<LinkFinding> findings) {
        int n = line.length();
        while (pos < n && isBlank(line.charAt(pos))) {
            pos++;
        }
        while (true) {
            int start = pos;
            while (pos < n && isRefChar(line.charAt(pos))) {
                pos++;
            }
            if (pos == start || !read(line.substring(start, pos), start, kind, links, findings)) {
                return start;
            }
            int after = pos;
            while (after < n && isBlank(line.charAt(after))) {
                after++;
            }
            if (after < n && line.charAt(after) == ',') {
                after++;
                while (after < n && isBlank(line.charAt(after))) {
                    after++;
                }
            }
            if (after == pos) {
                return pos;
            }
            pos = after;
        }
    }

    /** Reads a {@code @Tag("...")} value from {@code pos} (just after {@code Tag(}); returns where reading stopped. */
    private static int tag(String line, int pos, List<Link> links, List<LinkFinding> findings) {
        int n = line.length();
        while (pos < n && isBlank(line.charAt(pos))) {
            pos++;
        }
        if (pos >= n || line.charAt(pos) != '"') {
            return pos;
        }
        int start = pos + 1;
        int end = start;
        while (end < n && end - start <= MAX_TAG && line.charAt(end) != '"') {
            end++;
        }
        if (end >= n || line.charAt(end) != '"') {
            return start;
        }
        read(line.substring(start, end), start, LinkKind.COVERS, links, findings);
        return end + 1;
    }

    /**
     * Adds a link or a finding for {@code token} when it is, or was meant as, a reference; false when it is
     * neither (ordinary words after {@code implements}).
     */
    private static boolean read(String token, int start, LinkKind kind, List<Link> links,
            List<LinkFinding> findings) {
        int slash = token.indexOf('/');
        if (slash < 0) { // an ordinary word (the common case): no parse, which would build a message for nothing
            if (RequirementId.looksLikeId(token) && RequirementId.tryParse(token).isPresent()) {
                findings.add(new LinkFinding(start + 1, token, "'" + kind.word() + " " + token
                        + "' does not name the spec: write it <spec id>/" + token + ", e.g. feature-010/" + token));
                return true;
            }
            return false;
        }
        Optional<RequirementRef> ref = RequirementRef.tryParse(token);
        if (ref.isPresent()) {
            links.add(new Link(ref.get(), kind, start + 1));
            return true;
        }
        String after = token.substring(slash + 1);
        if (RequirementId.looksLikeId(after) || SpecId.isValid(token.substring(0, slash)) && after.isEmpty()) {
            findings.add(new LinkFinding(start + 1, token, RequirementRef.problem(token).orElseThrow()));
            return true;
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isRefChar(char c) {
        return isWordChar(c) || c == '-' || c == '/';
    }
}
