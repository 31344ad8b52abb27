namespace Tfwheel.Tests.Publish;

/// <summary>The schema check behind the fake GitHub can fail, and covers the releases API.</summary>
public sealed class ReleasesOpenApiTests
{
    private const string Asset = """
        {"url":"u","browser_download_url":"b","id":1,"node_id":"n","name":"a.whl","label":null,"state":"STATE","content_type":"application/zip","size":3,
         "digest":null,"download_count":0,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
         "uploader":{"login":"l","id":1,"node_id":"n","avatar_url":"a","gravatar_id":"","url":"u","html_url":"h","followers_url":"f","following_url":"f","gists_url":"g","starred_url":"s","subscriptions_url":"s","organizations_url":"o","repos_url":"r","events_url":"e","received_events_url":"r","type":"User","site_admin":false}}
        """;

    [Fact]
    public void The_subset_holds_the_sixteen_release_operations() =>
        Assert.Equal(16, ReleasesOpenApi.Instance.OperationIds.Count());

    [Fact]
    public void A_conformant_asset_passes_and_the_starter_state_GitHub_really_sends_does_not()
    {
        Assert.Empty(ReleasesOpenApi.Instance.ValidateResponse("repos/get-release-asset", 200, Asset.Replace("STATE", "uploaded", StringComparison.Ordinal)));
        Assert.Contains(ReleasesOpenApi.Instance.ValidateResponse("repos/get-release-asset", 200, Asset.Replace("STATE", "starter", StringComparison.Ordinal)), v => v.Contains("/state", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_body_of_the_wrong_type_and_an_undocumented_status_are_violations()
    {
        Assert.NotEmpty(ReleasesOpenApi.Instance.ValidateRequest("repos/create-release", """{"tag_name":"v1","draft":"yes"}"""));
        Assert.Empty(ReleasesOpenApi.Instance.ValidateRequest("repos/create-release", """{"tag_name":"v1","draft":true}"""));
        Assert.NotEmpty(ReleasesOpenApi.Instance.ValidateResponse("repos/list-release-assets", 500, "{}"));
    }

    [Fact]
    public void A_release_missing_a_required_field_is_a_violation() =>
        Assert.Contains(ReleasesOpenApi.Instance.ValidateResponse("repos/get-release", 200, """{"id":1}"""), v => v.Contains("tag_name", StringComparison.Ordinal));
}
