using Tfwheel.Errors;
using Tfwheel.Recipes;

namespace Tfwheel.Publish;

/// <summary>What to publish where. Built once by the Publish task from the recipe, the flags and the environment.</summary>
/// <param name="Owner">Repository owner ("acme").</param>
/// <param name="Repository">Repository name ("tf-wheels").</param>
/// <param name="Tag">The expanded tag (see <see cref="ReleaseTag.Expand"/>).</param>
/// <param name="ArtifactsDirectory">artifacts/&lt;recipe&gt;/: a wheel per Python, manifest.json, verify-cpXY.json, smoke-cpXY.json; SHA256SUMS is written here.</param>
/// <param name="Token">From GITHUB_TOKEN/GH_TOKEN; null fails preflight (a dry run reads anonymously).</param>
public sealed record PublishRequest(string Owner, string Repository, string Tag, string ArtifactsDirectory, GitHubToken? Token)
{
    /// <summary>Leave the release a draft after uploading (recipe publish.draft).</summary>
    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    /// <summary>The REST API root: https://api.github.com/ or, for GitHub Enterprise Server, https://HOST/api/v3/.</summary>
    public string ApiUrl { get; init; } = "https://api.github.com/";

    /// <summary>--allow-unverified: publish although a wheel's verify-cpXY.json or smoke-cpXY.json is missing or not ok (the notes say so).</summary>
    public bool AllowUnverified { get; init; }

    /// <summary>--replace-assets: replace a release asset whose content differs (upload new, then delete old, then rename).</summary>
    public bool ReplaceAssets { get; init; }

    /// <summary>Retries, backoff and the pause between writes; tests shrink these and inject the clock.</summary>
    public PublishPacing Pacing { get; init; } = PublishPacing.Default;

    public string RepositoryFullName => $"{Owner}/{Repository}";

    /// <summary>Builds the request from a resolved recipe; the token comes from <paramref name="environment"/>.</summary>
    public static PublishRequest FromRecipe(Recipe recipe, string artifactsDirectory, Func<string, string?> environment)
    {
        var full = recipe.Publish.Repository
            ?? throw new UsageException($"publish: recipe '{recipe.Name}' has no publish.repository. Add 'publish: {{ repository: owner/name }}' to the recipe or pass --set publish.repository=owner/name.");
        var parts = full.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
        {
            throw new UsageException($"publish: publish.repository '{full}' is not 'owner/name'. Write it as on github.com, e.g. acme/tf-wheels.");
        }

        // Recipe validation already refuses these; checked again because the token follows this URL.
        if (GitHubEndpoints.Problem(recipe.Publish.ApiUrl) is { } problem)
        {
            throw new UsageException("publish: " + problem);
        }

        return new PublishRequest(parts[0], parts[1], ReleaseTag.Expand(recipe.Publish.Tag, recipe), artifactsDirectory, GitHubToken.FromEnvironment(environment))
        {
            Draft = recipe.Publish.Draft,
            Prerelease = recipe.Publish.Prerelease,
            ApiUrl = recipe.Publish.ApiUrl,
        };
    }
}
