using System.Collections.Immutable;
using Tfwheel.Compile;
using Tfwheel.Pipeline;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Compile;

/// <summary>bazel.remote against a real HTTP cache (Debian's nginx with WebDAV), the way a team shares one.</summary>
[Collection(BazelCollection.Name)]
public class RemoteCacheTests
{
    private const string KeyVariable = "TFWHEEL_TEST_CACHE_KEY";

    [Fact]
    public async Task After_the_output_base_is_wiped_the_rebuild_comes_from_the_remote_cache_and_the_header_value_stays_secret()
    {
        await using var nginx = await NginxWebDav.StartAsync();
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(KeyVariable, secret);
        try
        {
            var log = new TestLog();
            var recipe = ws.Recipe();
            recipe = recipe with
            {
                Bazel = recipe.Bazel with
                {
                    Remote = new RemoteSettings
                    {
                        Cache = nginx.Url,
                        Download = RemoteDownload.All,
                        HeaderEnv = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("x-tfwheel-key", KeyVariable)]),
                    },
                },
            };
            var paths = ws.Paths(recipe);
            var host = CompileHost.Current();

            var first = await CompileStages.RunAsync(recipe, paths, host, new ProcessGateway(log), log, CancellationToken.None);
            var expunge = new ProcessSpec("bazel", [.. ws.StartupOptions, "clean", "--expunge"]) { WorkingDirectory = paths.Source };
            (await new ProcessGateway(log).RunAsync(expunge)).EnsureSuccess();
            var second = await CompileStages.RunAsync(recipe, paths, host, new ProcessGateway(log), log, CancellationToken.None);

            Assert.Equal(0, first.Compile.Build.RemoteCacheHits);
            Assert.True(second.Compile.Build.RemoteCacheHits >= 2, $"expected the genrules to be remote cache hits; summary: {second.Compile.Build.Summary}");
            Assert.Equal(first.Compile.WheelSha256, second.Compile.WheelSha256);
            Assert.Contains("PUT /cas/", File.ReadAllText(nginx.AccessLog));
            Assert.Contains("key=" + secret, File.ReadAllText(nginx.AccessLog)); // the real value reached the cache
            Assert.Contains("--remote_header=x-tfwheel-key=***", second.Compile.Build.Argv);
            Assert.DoesNotContain(secret, File.ReadAllText(paths.Manifest));
            Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(paths.Artifacts, "bazel.log")));
            Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(paths.Artifacts, CompilePlanner.BuildEventFileName)));
            Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(paths.Source, ".bazelrc.user")));
            Assert.DoesNotContain(secret, log.Text);
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyVariable, null);
        }
    }
}
