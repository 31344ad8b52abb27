using Tfwheel.Source;

namespace Tfwheel.Tests.Source;

public class RepositoryLocationTests
{
    [Theory]
    [InlineData("https://github.com/tensorflow/tensorflow.git", "https://github.com/tensorflow/tensorflow.git")]
    [InlineData("git@github.com:tensorflow/tensorflow.git", "git@github.com:tensorflow/tensorflow.git")]
    [InlineData("file:///mirrors/tensorflow.git", "file:///mirrors/tensorflow.git")]
    [InlineData("../mirrors/tensorflow", "/work/mirrors/tensorflow")]
    [InlineData("/srv/tensorflow", "/srv/tensorflow")]
    public void Urls_are_kept_and_local_paths_resolve_against_the_project_root(string repository, string resolved) =>
        Assert.Equal(resolved, SourceFetcher.ResolveRepository(repository, "/work/project"));
}
