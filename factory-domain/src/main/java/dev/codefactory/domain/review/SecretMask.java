package dev.codefactory.domain.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Secrets replaced by numbered markers for one conversation with a model, and put back where the model's answer
 * copies a marker: what a change order needs, since the model must quote a file exactly (SEARCH parts) to edit it,
 * while no secret of the file may reach it.
 *
 * <p>{@link #mask} finds secrets with {@link Secrets#find} (the same rules as REVIEW's redaction) and replaces each
 * distinct value by {@code [REDACTED:kind#n]}; a value seen once is replaced in every later text too, even where the
 * rules would not find it again (in a quoted edit, in a problem message). {@link #unmask} turns the markers back into
 * the values. Markers do not keep line counts (a private key becomes one line): change prompts do not number lines.
 * One mask serves one conversation; it holds the secrets in memory only.
 */
// implements feature-007/FR-014
public final class SecretMask {
    private final Map<String, String> markerOf = new LinkedHashMap<>();
    private final Map<String, String> secretOf = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    /** The known values, longest first, so a value inside another is replaced after it. */
    private final List<String> values = new ArrayList<>();

    /** {@code text} with every secret in it, and every secret masked before, replaced by its marker. */
    public synchronized String mask(String text) {
        Objects.requireNonNull(text, "text");
        for (Secrets.Hit hit : Secrets.find("", text)) {
            String value = text.substring(hit.start(), hit.end());
            if (!markerOf.containsKey(value)) {
                int n = counts.merge(hit.kind(), 1, Integer::sum);
                String marker = "[REDACTED:" + hit.kind() + "#" + n + "]";
                markerOf.put(value, marker);
                secretOf.put(marker, value);
                values.add(value);
                values.sort(Comparator.comparingInt(String::length).reversed());
            }
        }
        String out = text;
        for (String value : values) {
            if (out.contains(value)) {
                out = out.replace(value, markerOf.get(value));
            }
        }
        return out;
    }

    /** {@code text} with each marker of this mask replaced by the secret it stands for. */
    public synchronized String unmask(String text) {
        Objects.requireNonNull(text, "text");
        if (secretOf.isEmpty() || !text.contains("[REDACTED:")) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> e : secretOf.entrySet()) {
            if (out.contains(e.getKey())) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** How many distinct secrets were masked so far. */
    public synchronized int size() {
        return markerOf.size();
    }

    @Override
    public String toString() {
        return "SecretMask[" + size() + " secret(s)]";
    }
}
