package dev.codefactory.web.archfixture;

import com.sun.net.httpserver.HttpExchange;

/** The JDK's HTTP server outside {@code web} and {@code web.live}: a second server. */
public class HandlesAnExchange {
    String method(HttpExchange exchange) {
        return exchange.getRequestMethod();
    }
}
