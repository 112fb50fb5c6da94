package dev.codefactory.web.api.archfixture;

import dev.codefactory.web.http.Response;

/** The API over {@code web.http}, as every part of the mirror may be. */
public class UsesTheHttpPrimitives {
    Response answer() {
        return Response.json("{}");
    }
}
