package dev.codefactory.domain.adopt;

import java.util.Objects;

/**
 * One test found in existing code: its name reads like a requirement ({@code shouldFindOwnerByLastName},
 * {@code test_login_rejects_wrong_password}, {@code "returns 404 for an unknown user"}).
 */
public record TestCase(String name, SourceLocation at) {
    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
    }
}
