package dev.codefactory.app.archfixture;

import java.io.IOException;
import java.net.URI;
import java.net.URLConnection;

/** Network in the application: a {@code java.net.URLConnection}. */
public class OpensAConnection {
    URLConnection open(URI endpoint) throws IOException {
        return endpoint.toURL().openConnection();
    }
}
