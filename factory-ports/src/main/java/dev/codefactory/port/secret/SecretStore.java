package dev.codefactory.port.secret;

import dev.codefactory.domain.InvalidCommandException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where secrets (API keys, tokens) are kept on this machine: an OS keyring or an encrypted file. Secrets are named
 * by dotted lowercase names such as {@code llm.openai.key} or {@code github.oauth.token}; configuration files refer
 * to secrets by these names only.
 *
 * <p>No implementation ever puts a secret value in an exception message, a log line, a command-line argument of a
 * child process or a {@code toString()}. Failures are {@link dev.codefactory.domain.FactoryException}s whose
 * message says what to do.
 */
public interface SecretStore {

    /** Lowercase words of letters, digits and dashes, joined by dots, at least two of them: {@code llm.openai.key}. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

    /** Names longer than this are refused. */
    int MAX_NAME_LENGTH = 100;

    /** The secret with {@code name}, or empty when none is stored. */
    Optional<Secret> get(String name);

    /** Stores {@code value} under {@code name}, replacing what was there. */
    void put(String name, String value);

    /**
     * Removes the secret.
     *
     * @return false when there was none
     */
    boolean delete(String name);

    /**
     * Checks, without storing anything, that {@link #put} can work now: the encrypted file has a master key that
     * opens it and a folder it can be written to. Callers that must not fail after an irreversible step (a sign-in
     * whose token could not be kept) call it first. The default checks nothing: a keyring is chosen only when it
     * answers.
     *
     * @throws dev.codefactory.domain.FactoryException saying what to do when a put would fail
     */
    default void requireWritable() {
    }

    /**
     * Where secrets are kept, to complete "stored in ...": {@code the GNOME keyring (Secret Service)},
     * {@code /home/ada/.config/factory/secrets.enc}.
     */
    String location();

    /**
     * Checks a secret name.
     *
     * @return the name
     * @throws InvalidCommandException naming the rule when the name is not valid
     */
    static String requireValidName(String name) {
        if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            String shown = name == null ? "null"
                    : "'" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'";
            throw new InvalidCommandException("not a valid secret name: " + shown + "; use lowercase words of"
                    + " letters, digits and dashes joined by dots, such as llm.openai.key (at most "
                    + MAX_NAME_LENGTH + " characters)");
        }
        return name;
    }
}
