package dev.codefactory.port.secret;

import java.util.Objects;

/**
 * A secret handed out by a {@link SecretStore}: its name and its value. {@link #toString()} never shows the value,
 * so a secret that ends up in a log line or a message shows {@code ****} instead.
 *
 * @param name  a valid secret name ({@link SecretStore#requireValidName(String)})
 * @param value the secret itself, never empty
 */
public record Secret(String name, String value) {

    public Secret {
        SecretStore.requireValidName(name);
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the value of secret " + name + " is empty");
        }
    }

    @Override
    public String toString() {
        return "Secret[name=" + name + ", value=****]";
    }
}
