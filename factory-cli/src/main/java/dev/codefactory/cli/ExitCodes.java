package dev.codefactory.cli;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.state.IllegalTransitionException;

/** The documented exit codes, and the one place that maps failures to them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    /** The text shown under "Exit codes" in every command's help. */
    static final String[] HELP = {
        "0:Success.",
        "1:Validation found problems of severity error (the command says which file and line).",
        "2:Usage error: unknown command or option, a bad argument, an unknown spec id or configuration key,"
            + " a refused path or status move.",
        "3:Any other failure: not a git repository, not initialised, a file that could not be read or written,"
            + " a malformed configuration file."
    };

    private ExitCodes() {
    }

    static int of(Throwable failure) {
        if (failure instanceof InvalidSpecificationException) {
            return FINDINGS;
        }
        if (failure instanceof InvalidCommandException || failure instanceof SpecNotFoundException
                || failure instanceof UnsafePathException || failure instanceof IllegalTransitionException) {
            return USAGE;
        }
        return FAILURE;
    }
}
