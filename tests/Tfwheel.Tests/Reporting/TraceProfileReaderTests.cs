using System.IO.Compression;
using System.Text;
using Tfwheel.Report;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Reporting;

public sealed class TraceProfileReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-profile-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Actions_critical_path_and_phases_are_read_as_bazel_4_writes_them()
    {
        // Lines as Bazel 4.2.3 wrote them for tests/fixtures/tf-shaped (`bazel build --profile=p.json.gz`).
        var path = Gzip("""
            {"otherData":{"build_id":"8a39caf9","output_base":"/tmp/x","date":"Thu Dec 03 07:31:19 UTC 2026"},"traceEvents":[
                {"name":"thread_name","ph":"M","pid":1,"tid":0,"args":{"name":"Critical Path"}},
                {"cat":"build phase marker","name":"Launch Blaze","ph":"X","ts":-6342000,"dur":6342000,"pid":1,"tid":20},
                {"cat":"build phase marker","name":"Initialize command","ph":"i","ts":0,"pid":1,"tid":20},
                {"cat":"build phase marker","name":"Build artifacts","ph":"i","ts":9364612,"pid":1,"tid":20},
                {"cat":"action processing","name":"BazelWorkspaceStatusAction stable-status.txt","ph":"X","ts":9504789,"dur":215453,"pid":1,"tid":63},
                {"cat":"action processing","name":"Executing genrule //tensorflow/core/kernels:framework","ph":"X","ts":9532376,"dur":457962,"pid":1,"tid":64},
                {"cat":"action processing","name":"Executing genrule //tensorflow/tools/pip_package:wheel","ph":"X","ts":10004108,"dur":509124,"pid":1,"tid":63},
                {"cat":"critical path component","name":"action 'Executing genrule //tensorflow/core/kernels:framework'","ph":"X","ts":9531307,"dur":458346,"pid":1,"tid":0},
                {"cat":"critical path component","name":"action 'Executing genrule //tensorflow/tools/pip_package:wheel'","ph":"X","ts":10001457,"dur":510756,"pid":1,"tid":0},
                {"cat":"build phase marker","name":"Complete build","ph":"i","ts":10556255,"pid":1,"tid":20}
            ]}
            """);

        var profile = TraceProfileReader.Read(path);

        Assert.Equal(3, profile.ActionCount);
        Assert.Equal(0, profile.StartMicros);
        Assert.Equal(10556255, profile.EndMicros);
        Assert.Equal(["Initialize command", "Build artifacts", "Complete build"], profile.Phases.Select(p => p.Name));
        Assert.Equal(["Executing", "BazelWorkspaceStatusAction"], profile.Kinds.Select(k => k.Kind));
        Assert.Equal(2, profile.Kinds[0].Count);
        Assert.Equal(458346 + 510756, profile.CriticalPathMicros);
        Assert.Equal("Executing", profile.CriticalPath[0].Kind);
    }

    [Fact]
    public void A_huge_profile_is_streamed_and_only_the_longest_actions_are_kept()
    {
        var path = _dir.Combine("huge.json.gz");
        SyntheticProfile.Write(path, compiles: 250_000);

        var profile = TraceProfileReader.Read(path);

        Assert.Equal(250_002, profile.ActionCount);
        Assert.Equal(TraceProfileReader.KeptActions, profile.Longest.Count);
        // Compiles last 0.2-90 s (a product of two uniforms): the 2000 longest of 250 000 are all above 70 s,
        // so the 48 s link is counted but not kept.
        Assert.DoesNotContain(profile.Longest, a => a.Kind == "Linking");
        Assert.Equal(1, profile.Kinds.Single(k => k.Kind == "Linking").Count);
        Assert.Equal(250_000, profile.Kinds.Single(k => k.Kind == "Compiling").Count);
        var shortestKept = profile.Longest.Min(a => a.DurationMicros);
        Assert.True(shortestKept > 70_000_000, $"the kept actions should be the longest, the shortest kept is {shortestKept} µs");
        Assert.Equal(profile.Longest.OrderBy(a => a.StartMicros), profile.Longest);
    }

    [Fact]
    public void A_token_larger_than_the_bound_is_refused_rather_than_buffered()
    {
        var name = new string('x', TraceProfileReader.MaxTokenBytes + 10);
        var path = Gzip($$"""{"traceEvents":[{"cat":"action processing","name":"{{name}}","ph":"X","ts":1,"dur":2}]}""");

        var e = Assert.Throws<InvalidDataException>(() => TraceProfileReader.Read(path));

        Assert.Contains("longer than", e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Theory]
    [InlineData("""{"traceEvents":[{"cat":"action processing","name":"a","ph":"X","ts":1,""")]
    [InlineData("""not json""")]
    public void A_damaged_profile_is_an_error_naming_the_file(string text)
    {
        var path = Gzip(text);

        var e = Assert.Throws<InvalidDataException>(() => TraceProfileReader.Read(path));

        Assert.StartsWith(path + ": not a readable Bazel JSON trace profile", e.Message);
    }

    [Fact]
    public void Absurd_times_are_clamped_not_overflowed_and_long_names_are_cut()
    {
        var path = Gzip($$"""[{"cat":"action processing","name":"{{new string('n', 5000)}}","ph":"X","ts":9.9e300,"dur":9223372036854775807}]""");

        var profile = TraceProfileReader.Read(path);

        var action = Assert.Single(profile.Longest);
        Assert.True(action.EndMicros > action.StartMicros);
        Assert.True(action.Name.Length <= 301);
    }

    private string Gzip(string text)
    {
        var path = _dir.Combine($"p{Guid.NewGuid():N}.json.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }
}
