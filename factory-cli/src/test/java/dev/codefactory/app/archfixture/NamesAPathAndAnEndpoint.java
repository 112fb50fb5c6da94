package dev.codefactory.app.archfixture;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Keeps to the rules: {@code Path} and {@code URI} are values the ports speak; naming one reads nothing. */
public class NamesAPathAndAnEndpoint {
    Path file(Path root) {
        return root.resolve("contracts").resolve(Path.of("specs", "a.md")).normalize();
    }

    URI endpoint(String host) throws URISyntaxException {
        return new URI("https", host, "/v1", null).resolve(URI.create("models"));
    }
}
