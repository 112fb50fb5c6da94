package dev.codefactory.web.api.archfixture;

import dev.codefactory.web.page.Layout;

/** The API using the pages: the JSON and the HTML sides of the mirror are apart, both over {@code web.http}. */
public class UsesAPage {
    String page() {
        return Layout.page("t", Layout.Section.CATALOG, "");
    }
}
