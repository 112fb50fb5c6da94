package dev.codefactory.web.page.archfixture;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** commonmark in {@code web.page}, where the one markdown renderer lives. */
public class RendersMarkdown {
    Node parse(String markdown) {
        return Parser.builder().build().parse(markdown);
    }
}
