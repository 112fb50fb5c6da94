package dev.codefactory.domain.spec;

/** A markdown link target as written, and the 1-based line it is on. */
public record Link(String target, int line) {

    /** True for a link to another file of the project: no scheme, not an anchor, not site-absolute. */
    public boolean isRelative() {
        return !target.isEmpty() && !target.startsWith("#") && !target.startsWith("/")
                && !target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    /** The target without its {@code #fragment} or {@code ?query}. */
    public String pathPart() {
        int cut = target.length();
        for (char c : new char[] {'#', '?'}) {
            int i = target.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return target.substring(0, cut);
    }
}
