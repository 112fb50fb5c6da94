package dev.codefactory.adapter.github;

import feign.Headers;
import feign.RequestLine;

/**
 * The OAuth device flow on the web host ({@code github.web-url}), as GitHub documents it. GitHub answers a poll with
 * HTTP 200 whether or not a token was granted: the {@code error} field tells which.
 */
// implements feature-004/FR-004
interface GitHubOAuthApi {

    @RequestLine("POST /login/device/code")
    @Headers("Content-Type: application/json")
    Wire.DeviceCode deviceCode(Wire.DeviceCodeRequest body);

    @RequestLine("POST /login/oauth/access_token")
    @Headers("Content-Type: application/json")
    Wire.AccessToken accessToken(Wire.AccessTokenRequest body);
}
