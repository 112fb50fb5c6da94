package dev.codefactory.domain.yaml;

import dev.codefactory.domain.text.ControlCharacters;
import java.util.regex.Pattern;

/**
 * Writes a string as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
 * Conservative on purpose: anything that a YAML 1.2 core-schema reader could take for another type, a comment,
 * a mapping or an indicator is quoted.
 */
public final class YamlText {
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z_./][A-Za-z0-9 _.()/+'-]*");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~|\\.inf|\\.nan|\\.[0-9].*)");

    private YamlText() {
    }

    public static String scalar(String value) {
        if (!value.isEmpty() && PLAIN_SAFE.matcher(value).matches() && !value.endsWith(" ")
                && !RESERVED.matcher(value).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (ControlCharacters.isUnsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c)); // bidirectional formatting
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    /** A flow sequence {@code [a, b]} of scalars. */
    public static String sequence(Iterable<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(scalar(v));
        }
        return out.append(']').toString();
    }
}
