using System.Globalization;
using System.Text.RegularExpressions;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>Clean --source through the real program: bazel's output base and server go with the tree, even when the tree's .bazelrc.user names a dead executor.</summary>
[Collection(BazelCollection.Name)]
public sealed class CleanSourceTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await TfShapedWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task Clean_source_expunges_the_output_base_stops_the_server_deletes_the_tree_and_says_what_was_freed()
    {
        TestRecipe.Write(_ws, "gone");
        var built = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=gone");
        Assert.True(built.ExitCode == 0, TfwheelProcess.Output(built));
        var outputBase = Assert.Single(Directory.GetDirectories(_ws.BazelRoot), d => Directory.Exists(Path.Combine(d, "execroot")));
        var server = int.Parse(File.ReadAllText(Path.Combine(outputBase, "server", "server.pid.txt")).Trim(), CultureInfo.InvariantCulture);
        Assert.True(IsRunning(server));
        // The tree's .bazelrc.user now names an executor nobody runs: a plain `bazel clean` inherits it and fails.
        TestRecipe.Write(_ws, "gone", $"  remote: {{ executor: \"grpc://127.0.0.1:{RemoteWorker.FreePort()}\", download: all }}");
        var configured = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Configure", "--recipe=gone");
        Assert.True(configured.ExitCode == 0, TfwheelProcess.Output(configured));
        var tree = Path.Combine(_ws.ProjectRoot, ".work", "src", "gone");
        Assert.Contains("--remote_executor=", File.ReadAllText(Path.Combine(tree, ".bazelrc.user")));

        var clean = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Clean", "--recipe=gone", "--source");

        var output = TfwheelProcess.Output(clean);
        Assert.True(clean.ExitCode == 0, output);
        Assert.Contains($"+ bazel --noworkspace_rc {string.Join(' ', _ws.StartupOptions)} clean --expunge", output);
        Assert.False(Directory.Exists(outputBase), output);
        Assert.False(IsRunning(server), "the bazel server still runs:\n" + output);
        Assert.False(Directory.Exists(tree));
        Assert.False(Directory.Exists(Path.Combine(_ws.ProjectRoot, "artifacts", "gone")));
        Assert.Matches(@"- " + Regex.Escape(outputBase) + @" \(bazel output base, [1-9][\d,]* bytes; its server stopped\)", output);
        var parts = Regex.Matches(output, @"^- /\S+ \((?:bazel output base, )?([\d,]+) bytes", RegexOptions.Multiline).Select(m => Bytes(m.Groups[1].Value)).ToList();
        Assert.Equal(3, parts.Count); // the output base, the artifacts, the tree
        Assert.Equal(parts.Sum(), Bytes(Regex.Match(output, @"Clean: freed ([\d,]+) bytes").Groups[1].Value));
    }

    private static long Bytes(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
