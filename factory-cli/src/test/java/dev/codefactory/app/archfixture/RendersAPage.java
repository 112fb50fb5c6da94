package dev.codefactory.app.archfixture;

import dev.codefactory.web.http.Html;

/** The application reaching out to the web mirror, a driving adapter: escaping HTML itself. */
public class RendersAPage {
    String title(String text) {
        return Html.text(text);
    }
}
