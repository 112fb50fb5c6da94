package dev.codefactory.app.review;

import java.nio.charset.StandardCharsets;

/** Project-relative paths as relative URI references (RFC 3986), for SARIF locations and markdown links. */
final class RelativePaths {
    private static final String HEX = "0123456789ABCDEF";

    private RelativePaths() {
    }

    /**
     * {@code path} with forward slashes, without a leading {@code ./} or {@code /}, every byte of its UTF-8 form
     * percent-encoded except the unreserved characters, {@code /} and the sub-delimiters and {@code @} that a path
     * segment may hold. {@code :} is encoded so that the first segment cannot read as a scheme.
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        StringBuilder out = new StringBuilder(p.length() + 8);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (keep(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static boolean keep(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
    }
}
