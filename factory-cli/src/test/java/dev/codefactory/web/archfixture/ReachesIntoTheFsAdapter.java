package dev.codefactory.web.archfixture;

import dev.codefactory.adapter.fs.archfixture.SharedWithASibling;

/** The web mirror reaching into an adapter instead of going through the application. */
public class ReachesIntoTheFsAdapter {
    Object adapter() {
        return new SharedWithASibling();
    }
}
