package dev.codefactory.web.archfixture;

import dev.codefactory.cli.Main;

/** The web mirror depending on the CLI, which is the outermost piece: nothing depends on it. */
public class CallsTheCli {
    Class<?> cli() {
        return Main.class;
    }
}
