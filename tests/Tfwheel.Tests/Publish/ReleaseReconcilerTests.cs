using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

public sealed class ReleaseReconcilerTests
{
    private static readonly LocalAsset Wheel = new("tf.whl", "/a/tf.whl", 10, "aa", "application/zip");

    private static RemoteAsset Remote(string name, long size = 10, string state = "uploaded", string? digest = "sha256:aa") => new(7, name, size, state, digest);

    [Fact]
    public void An_identical_asset_is_skipped() =>
        Assert.Equal(AssetAction.Skip, Decide([Remote("tf.whl")], replace: false).Action);

    [Fact]
    public void A_missing_asset_is_uploaded() =>
        Assert.Equal(AssetAction.Upload, Decide([Remote("other.whl")], replace: false).Action);

    [Fact]
    public void A_starter_asset_is_replaced_as_broken_even_without_replace_assets() =>
        Assert.Equal(AssetAction.ReplaceBroken, Decide([Remote("tf.whl", 0, "starter", null)], replace: false).Action);

    [Theory]
    [InlineData(10, "sha256:bb")]
    [InlineData(11, "sha256:aa")]
    public void Different_content_is_refused_without_replace_and_replaced_with_it(long size, string digest)
    {
        Assert.Equal(AssetAction.Refuse, Decide([Remote("tf.whl", size, digest: digest)], replace: false).Action);
        Assert.Equal(AssetAction.Replace, Decide([Remote("tf.whl", size, digest: digest)], replace: true).Action);
    }

    [Fact]
    public void Without_a_digest_the_same_size_counts_as_identical_and_says_so()
    {
        var step = Decide([Remote("tf.whl", digest: null)], replace: false);
        Assert.Equal(AssetAction.Skip, step.Action);
        Assert.Equal("same size (GitHub has no digest yet)", step.Reason);
    }

    [Fact]
    public void A_complete_copy_under_the_temporary_name_is_renamed_and_a_broken_one_deleted_before_uploading()
    {
        var temp = "tf.whl" + ReleaseReconciler.TemporarySuffix;
        Assert.Equal(AssetAction.FinishReplace, Decide([Remote(temp)], replace: false).Action);
        var broken = Decide([Remote(temp, 3, digest: "sha256:cc")], replace: false);
        Assert.Equal(AssetAction.Upload, broken.Action);
        Assert.Equal(temp, broken.Leftover!.Name);
        Assert.True(broken.Writes);
    }

    private static AssetStep Decide(IReadOnlyList<RemoteAsset> remote, bool replace) =>
        Assert.Single(ReleaseReconciler.Reconcile([Wheel], remote, replace));
}
