package dev.codefactory.adapter.github;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.util.List;

/**
 * GitHub's REST API, as much of it as Code-Factory uses, relative to {@code github.api-url}. Every call carries the
 * headers {@link GitHubCodeHost} adds; failures become {@code CodeHostException}s in {@link GitHubErrors}.
 */
interface GitHubApi {

    /** The signed-in user; raw, because the token's scopes arrive in the {@code X-OAuth-Scopes} header. */
    @RequestLine("GET /user")
    Response user();

    @RequestLine("GET /repos/{owner}/{repo}")
    Wire.Repository repository(@Param("owner") String owner, @Param("repo") String repo);

    @RequestLine("POST /repos/{owner}/{repo}/pulls")
    @Headers("Content-Type: application/json")
    Wire.PullRequest createPullRequest(@Param("owner") String owner, @Param("repo") String repo,
                                       Wire.NewPullRequest body);

    @RequestLine("POST /repos/{owner}/{repo}/issues/{number}/labels")
    @Headers("Content-Type: application/json")
    void addLabels(@Param("owner") String owner, @Param("repo") String repo, @Param("number") int number,
                   Wire.Labels body);

    @RequestLine("POST /repos/{owner}/{repo}/issues")
    @Headers("Content-Type: application/json")
    Wire.Issue createIssue(@Param("owner") String owner, @Param("repo") String repo, Wire.NewIssue body);

    /** One page of the issues carrying {@code label}, open and closed, newest first; pull requests included. */
    @RequestLine("GET /repos/{owner}/{repo}/issues?labels={label}&state=all&per_page={perPage}&page={page}"
            + "&sort=created&direction=desc")
    List<Wire.ListedIssue> issues(@Param("owner") String owner, @Param("repo") String repo,
                                  @Param("label") String label, @Param("perPage") int perPage,
                                  @Param("page") int page);
}
