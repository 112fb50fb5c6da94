package dev.codefactory.web.archfixture;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** commonmark outside {@code web.page}: a second markdown renderer. */
public class RendersMarkdownOutsidePages {
    Node parse(String markdown) {
        return Parser.builder().build().parse(markdown);
    }
}
