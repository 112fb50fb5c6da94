package dev.codefactory.web.page;

import java.util.List;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import dev.codefactory.web.http.Html;

/**
 * Markdown from specs and reports as HTML (feature-012, FR-002, FR-010): commonmark-java with GitHub-flavoured
 * tables; raw HTML in the text is escaped (shown, never run) except HTML comments, which are left out, and link and image addresses keep only http, https
 * and mailto (a {@code javascript:} or {@code data:} link loses its address). The one markdown renderer of the web.
 */
// implements feature-012/FR-002, feature-012/FR-010
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();

    private Markdown() {
    }

    /** {@code markdown} as HTML. */
    public static String render(String markdown) {
        return render(markdown, UnaryOperator.identity());
    }

    /**
     * {@code markdown} as HTML, each link's address first given to {@code links} (to point a relative link to another
     * spec's file at that spec's page); the result is still sanitised.
     */
    public static String render(String markdown, UnaryOperator<String> links) {
        Node document = PARSER.parse(Html.clean(markdown));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(links.apply(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(HtmlBlock block) {
                if (comment(block.getLiteral())) {
                    block.unlink();
                }
            }

            @Override
            public void visit(HtmlInline inline) {
                if (comment(inline.getLiteral())) {
                    inline.unlink();
                }
            }
        });
        return RENDERER.render(document);
    }

    /**
     * An HTML comment alone (the templates' guidance, {@code <!-- What this capability does -->}): left out, as
     * GitHub leaves it out; any other raw HTML is shown as text.
     */
    private static boolean comment(String literal) {
        String t = literal.strip();
        return t.startsWith("<!--") && t.endsWith("-->") && t.indexOf("-->") == t.length() - 3;
    }
}
