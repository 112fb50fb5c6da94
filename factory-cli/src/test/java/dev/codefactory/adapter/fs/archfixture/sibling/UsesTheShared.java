package dev.codefactory.adapter.fs.archfixture.sibling;

import dev.codefactory.adapter.fs.archfixture.SharedWithASibling;

/** A package of the fixture adapter that uses its sibling's public class. */
class UsesTheShared {
    int answer() {
        return new SharedWithASibling().answer();
    }
}
