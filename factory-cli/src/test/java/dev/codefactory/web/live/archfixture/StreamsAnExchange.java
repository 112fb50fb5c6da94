package dev.codefactory.web.live.archfixture;

import com.sun.net.httpserver.HttpExchange;

/** The JDK's HTTP server in {@code web.live}, whose stream owns an exchange. */
public class StreamsAnExchange {
    String method(HttpExchange exchange) {
        return exchange.getRequestMethod();
    }
}
