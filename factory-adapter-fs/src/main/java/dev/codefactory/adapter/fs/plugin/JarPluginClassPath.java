package dev.codefactory.adapter.fs.plugin;

import dev.codefactory.port.plugin.PluginClassPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Optional;

/** The class path as URLs: a class's code source, and the {@code META-INF/services} files a loader sees. */
// implements feature-009/FR-006
final class JarPluginClassPath implements PluginClassPath {

    @Override
    public Optional<Path> locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? Optional.empty() : path(source.getLocation());
    }

    @Override
    public Optional<Path> listing(ClassLoader loader, Class<?> spi, String className) {
        try {
            Enumeration<URL> files = loader.getResources("META-INF/services/" + spi.getName());
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                URLConnection connection = file.openConnection();
                connection.setUseCaches(false); // a jar's cached handle would stay open after the loader closes
                try (InputStream in = connection.getInputStream();
                     BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        int hash = line.indexOf('#');
                        if ((hash < 0 ? line : line.substring(0, hash)).strip().equals(className)) {
                            // a jar's entry names the jar; a folder's file is three levels under the folder
                            return path(file).map(f -> file.getProtocol().equals("file")
                                    ? f.getParent().getParent().getParent() : f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // the reason already says what failed; where is a nicety
        }
        return Optional.empty();
    }

    /** The file a class path URL names: a jar, a folder, or the jar of a {@code jar:} URL; empty for others. */
    static Optional<Path> path(URL url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath(); // file:/x/y.jar!/META-INF/services/...
                int bang = spec.indexOf("!/");
                return path(new URL(bang < 0 ? spec : spec.substring(0, bang)));
            }
            if (url.getProtocol().equals("file")) {
                return Optional.of(Path.of(url.toURI()));
            }
        } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
