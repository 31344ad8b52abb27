using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Publish;
using Tfwheel.Recipes;

namespace Tfwheel.Tests.Publish;

public sealed class PublishingRulesTests
{
    [Theory]
    [InlineData("tensorflow-2.18.0+cpu-cp312-cp312-macosx_12_0_arm64.whl", true)]
    [InlineData("SHA256SUMS", true)]
    [InlineData("tf wheel.whl", false)]
    [InlineData("tf~1.whl", false)]
    [InlineData("a:b.whl", false)]
    [InlineData(".hidden", false)]
    [InlineData("trailing.", false)]
    public void Asset_names_GitHub_would_rename_are_detected(string name, bool survives) =>
        Assert.Equal(survives, AssetNameRules.SurvivesUpload(name));

    [Fact]
    public void The_upload_url_template_is_expanded_with_a_percent_encoded_name() =>
        Assert.Equal(
            "https://uploads.github.com/repos/o/r/releases/1/assets?name=tensorflow-2.18.0%2Bcpu.whl",
            AssetUploader.UploadUri("https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}", "tensorflow-2.18.0+cpu.whl").AbsoluteUri);

    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://github.com/", "https://api.github.com/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:8080/custom/root", "http://127.0.0.1:8080/custom/root/")]
    public void The_api_url_is_normalised_to_a_REST_root_with_the_trailing_slash_Octokit_needs(string given, string used) =>
        Assert.Equal(used, GitHubReleaseApi.ApiBaseAddress(given).AbsoluteUri);

    [Fact]
    public void The_token_is_read_from_GITHUB_TOKEN_then_GH_TOKEN_and_prints_masked()
    {
        var token = GitHubToken.FromEnvironment(n => n switch { "GITHUB_TOKEN" => " ", "GH_TOKEN" => "ghp_secret", _ => null })!;
        Assert.Equal("GH_TOKEN", token.Source);
        Assert.Equal("*** (from GH_TOKEN)", token.ToString());
        Assert.Null(GitHubToken.FromEnvironment(_ => null));
    }

    [Fact]
    public void The_tag_template_is_expanded_from_the_recipe() =>
        Assert.Equal("tf-2.18.0-macos-arm64-py3.12-arm64", ReleaseTag.Expand("tf-{tensorflow.version}-{name}-py{python}-{target.arch}", Recipe()));

    [Fact]
    public void An_unknown_placeholder_in_the_tag_template_is_a_usage_error()
    {
        var e = Assert.Throws<UsageException>(() => ReleaseTag.Expand("tf-{version}", Recipe()));
        Assert.Contains("unknown placeholder '{version}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_is_built_from_the_recipe_with_the_token_from_the_environment()
    {
        var recipe = Recipe() with { Publish = new PublishSettings { Repository = "acme/tf-wheels", Draft = true, ApiUrl = "https://ghe.example.com/api/v3/" } };

        var request = PublishRequest.FromRecipe(recipe, "/art", n => n == "GITHUB_TOKEN" ? "ghp_x" : null);

        Assert.Equal(("acme", "tf-wheels", "tf-2.18.0-macos-arm64", true), (request.Owner, request.Repository, request.Tag, request.Draft));
        Assert.Equal("https://ghe.example.com/api/v3/", request.ApiUrl);
        Assert.DoesNotContain("ghp_x", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipe_without_a_repository_cannot_publish() =>
        Assert.Contains("has no publish.repository", Assert.Throws<UsageException>(() => PublishRequest.FromRecipe(Recipe(), "/art", _ => null)).Message, StringComparison.Ordinal);

    internal static Recipe Recipe() => new()
    {
        Name = "macos-arm64",
        Tensorflow = new TensorflowSource("https://github.com/tensorflow/tensorflow", "v2.18.0", null, "2.18.0"),
        Python = "3.12",
        Target = new TargetPlatform(TargetOs.Macos, TargetArch.Arm64, "12.0"),
    };
}
