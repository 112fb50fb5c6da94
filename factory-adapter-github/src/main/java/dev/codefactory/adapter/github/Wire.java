package dev.codefactory.adapter.github;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GitHub's JSON shapes, as far as Code-Factory reads and writes them. Never leave this package. */
final class Wire {
    private Wire() {
    }

    // ---- REST -------------------------------------------------------------------------------------------------

    record User(String login, String name, @JsonProperty("html_url") String htmlUrl) {
    }

    record Permissions(boolean push) {
    }

    record Repository(@JsonProperty("default_branch") String defaultBranch, @JsonProperty("html_url") String htmlUrl,
                      @JsonProperty("private") boolean isPrivate, Permissions permissions) {
    }

    record NewPullRequest(String title, String body, String head, String base, boolean draft) {
    }

    record PullRequest(int number, @JsonProperty("html_url") String htmlUrl, boolean draft) {
    }

    record Labels(List<String> labels) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NewIssue(String title, String body, List<String> labels) {
    }

    record Issue(int number, @JsonProperty("html_url") String htmlUrl) {
    }

    /** An item of the issue list; {@code pullRequest} is set when the item is a pull request. */
    record ListedIssue(int number, @JsonProperty("html_url") String htmlUrl, String title, String body, String state,
                       @JsonProperty("pull_request") Object pullRequest) {
        boolean isPullRequest() {
            return pullRequest != null;
        }
    }

    // ---- OAuth device flow --------------------------------------------------------------------------------------

    record DeviceCodeRequest(@JsonProperty("client_id") String clientId, String scope) {
    }

    record DeviceCode(@JsonProperty("device_code") String deviceCode, @JsonProperty("user_code") String userCode,
                      @JsonProperty("verification_uri") String verificationUri,
                      @JsonProperty("expires_in") Long expiresIn, Long interval, String error,
                      @JsonProperty("error_description") String errorDescription) {
        @Override
        public String toString() {
            return "DeviceCode[userCode=" + userCode + ", error=" + error + ", deviceCode=****]";
        }
    }

    record AccessTokenRequest(@JsonProperty("client_id") String clientId,
                              @JsonProperty("device_code") String deviceCode,
                              @JsonProperty("grant_type") String grantType) {
        static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

        @Override
        public String toString() {
            return "AccessTokenRequest[clientId=" + clientId + ", deviceCode=****]";
        }
    }

    record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                       String scope, String error, @JsonProperty("error_description") String errorDescription,
                       Long interval) {
        @Override
        public String toString() {
            return "AccessToken[accessToken=****, scope=" + scope + ", error=" + error + "]";
        }
    }
}
