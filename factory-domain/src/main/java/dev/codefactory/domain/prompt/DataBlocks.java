package dev.codefactory.domain.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Text a prompt hands to a model as data (an idea, answers, code), between delimiters that no value can forge: blocks
 * are written as {@code <<<NAME-N>>> ... <<<END-NAME-N>>>} with a placeholder for {@code N}, and {@link #finish} picks
 * the smallest {@code N} that no value contains as {@code -N>>>}, so a value cannot close its block early. One
 * instance per prompt.
 */
public final class DataBlocks {
    /** A placeholder that cannot clash with values: NUL is replaced in every value. */
    private static final String SLOT = "\u0000N\u0000";
    private final List<String> values = new ArrayList<>();

    /** {@code value} as a named block (with the placeholder until {@link #finish}). */
    public String block(String name, String value) {
        return block(name, value, value);
    }

    /** A block holding {@code shown}, which renders {@code raw} (code with line numbers); both are scanned. */
    public String block(String name, String shown, String raw) {
        String safe = shown.replace("\u0000", "\uFFFD"); // NUL never belongs in a prompt, and marks SLOT
        values.add(safe);
        if (raw != shown) {
            values.add(raw);
        }
        String body = safe.endsWith("\n") ? safe : safe + "\n";
        return "<<<" + name + "-" + SLOT + ">>>\n" + body + "<<<END-" + name + "-" + SLOT + ">>>";
    }

    /** Another value written into the prompt outside a block (a label), which must not clash either. */
    public void scan(String value) {
        values.add(value);
    }

    /** {@code text} with every placeholder replaced by the first number that no value contains. */
    public String finish(String text) {
        int n = 1;
        while (clashes(n)) {
            n++;
        }
        return text.replace(SLOT, Integer.toString(n));
    }

    private boolean clashes(int n) {
        String token = "-" + n + ">>>";
        for (String value : values) {
            if (value.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
