package dev.codefactory.adapter.fs.archfixture;

/** Keeps to the rules: public because another package of the same adapter uses it. */
public class SharedWithASibling {
    public int answer() {
        return 42;
    }
}
