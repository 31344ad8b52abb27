using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Publish;
using Tfwheel.Recipes;

namespace Tfwheel.Tests.Publish;

/// <summary>Where the token may go (issue 11): the configured API host and GitHub's matching uploads host, over HTTPS.</summary>
public sealed class TokenHostsTests
{
    [Theory]
    [InlineData("https://api.github.com/", "https://uploads.github.com/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/uploads/")]
    [InlineData("http://127.0.0.1:8080/api/v3/", "http://127.0.0.1:8080/api/uploads/")]
    [InlineData("https://proxy.example.com/github/", "https://proxy.example.com/")]
    public void The_uploads_root_matches_the_api(string api, string uploads) =>
        Assert.Equal(uploads, GitHubEndpoints.For(new Uri(api)).Uploads.AbsoluteUri);

    [Theory]
    [InlineData("https://api.github.com/", "https://uploads.github.com/repos/o/r/releases/1/assets?name=x", true)]
    [InlineData("https://api.github.com/", "https://uploads.github.com.evil.example/repos/o/r/releases/1/assets?name=x", false)]
    [InlineData("https://api.github.com/", "http://uploads.github.com/repos/o/r/releases/1/assets?name=x", false)]
    [InlineData("https://api.github.com/", "https://evil.example/repos/o/r/releases/1/assets?name=x", false)]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/uploads/repos/o/r/releases/1/assets?name=x", true)]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com:8443/api/uploads/repos/o/r/releases/1/assets?name=x", false)]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/elsewhere/repos/o/r/releases/1/assets?name=x", false)]
    [InlineData("https://ghe.example.com/api/v3/", "https://user:pw@ghe.example.com/api/uploads/repos/o/r/releases/1/assets?name=x", false)]
    public void Only_the_matching_uploads_root_may_receive_the_token(string api, string upload, bool allowed)
    {
        var endpoints = GitHubEndpoints.For(new Uri(api));

        var e = Record.Exception(() => endpoints.EnsureUpload(new Uri(upload)));

        Assert.Equal(allowed, e is null);
        if (e is not null)
        {
            Assert.Contains("tfwheel does not send the token there", Assert.IsType<PublishException>(e).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://github.example.com/api/v3/", "plain http to github.example.com")]
    [InlineData("http://10.0.0.5/api/v3/", "plain http to 10.0.0.5")]
    [InlineData("https://me:secret@github.example.com/api/v3/", "must not hold credentials")]
    [InlineData("ftp://me:secret@github.example.com/", "is not an http(s) URL")]
    public void An_api_url_that_would_expose_the_token_is_a_usage_error(string apiUrl, string expected)
    {
        var recipe = new Recipe
        {
            Name = "r",
            Tensorflow = new TensorflowSource("https://github.com/tensorflow/tensorflow.git", "v2.18.0", null, "2.18.0"),
            Python = "3.12",
            Target = new TargetPlatform(TargetOs.Linux, TargetArch.X86_64, null),
            Publish = new PublishSettings { Repository = "acme/tf-wheels", ApiUrl = apiUrl },
        };

        var e = Assert.Throws<UsageException>(() => PublishRequest.FromRecipe(recipe, "/tmp/a", _ => "ghp_x"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/api/v3/")]
    [InlineData("http://localhost:9/api/v3/")]
    [InlineData("http://[::1]:9/api/v3/")]
    public void Plain_http_is_accepted_for_a_loopback_test_server(string apiUrl) =>
        Assert.Null(GitHubEndpoints.Problem(apiUrl));
}
