using Tfwheel.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Compile;

public class BazelrcScannerTests
{
    [Fact]
    public void Configs_are_found_through_import_and_try_import_and_continuation_lines()
    {
        using var ws = new TempDirectory();
        File.WriteAllText(ws.Combine(".bazelrc"), "build:a --copt=-O2\ncommon:b --announce_rc\ntest:c --x\nimport %workspace%/more.bazelrc\ntry-import %workspace%/absent.bazelrc\n# build:commented\n");
        File.WriteAllText(ws.Combine("more.bazelrc"), "build:d \\\n  --copt=-w\nbuild:e --x # trailing comment\n");

        var rc = BazelrcScanner.Scan(ws.Path);

        Assert.Equal(["a", "b", "d", "e"], rc.Configs.Order(StringComparer.Ordinal));
        Assert.Equal([(ws.Combine(".bazelrc"), true), (ws.Combine("more.bazelrc"), true), (ws.Combine("absent.bazelrc"), false)], rc.Files);
    }

    [Fact]
    public void An_import_cycle_is_read_once()
    {
        using var ws = new TempDirectory();
        File.WriteAllText(ws.Combine(".bazelrc"), "import %workspace%/.bazelrc\nbuild:x --y\n");

        Assert.True(BazelrcScanner.Scan(ws.Path).Defines("x"));
    }
}
