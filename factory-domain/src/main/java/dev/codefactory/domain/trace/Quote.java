package dev.codefactory.domain.trace;

import dev.codefactory.domain.text.ControlCharacters;

/** A piece of untrusted text as findings show it: quoted, cut to 40 characters, unsafe characters made visible. */
final class Quote {
    private static final int MAX = 40;

    private Quote() {
    }

    static String of(String text) {
        String cut = text.length() > MAX ? text.substring(0, MAX) + "…" : text;
        return "'" + ControlCharacters.escape(cut.replace("\n", "\\n").replace("\t", "\\t")) + "'";
    }
}
