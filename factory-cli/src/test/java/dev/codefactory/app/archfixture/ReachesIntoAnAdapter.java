package dev.codefactory.app.archfixture;

import dev.codefactory.adapter.fs.archfixture.FixtureTemplateSourceProvider;

/** An adapter's class used from outside its module, instead of being found through {@code ServiceLoader}. */
public class ReachesIntoAnAdapter {
    String id() {
        return new FixtureTemplateSourceProvider().id();
    }
}
