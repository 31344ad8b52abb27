using System.IO.Compression;
using System.Text.Json.Nodes;
using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Repair;
using Tfwheel.Tests.Support;
using Tfwheel.Verify;

namespace Tfwheel.Tests.Repair;

/// <summary>Repair over wheels holding libraries this machine's compiler made: retag what meets the policy, refuse what does not.</summary>
public sealed class WheelRepairerTests
{
    private const string Repaired = "tfwheel_probe-2.20.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";

    [Fact]
    public async Task A_compliant_linux_wheel_is_retagged_manylinux2014_verified_recorded_and_pip_installs_it_offline()
    {
        using var ws = new RepairWorkspace();
        var library = await ElfLibraries.BuildAsync(ws.Scratch, "libprobe.so", ElfLibraries.Plain);
        ws.PlaceWheel(("tfwheel_probe/libprobe.so", library));

        var result = await WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None);

        Assert.Equal(Repaired, Path.GetFileName(Assert.Single(ws.Wheels)));
        Assert.True(result.Retagged);
        using (var zip = ZipFile.OpenRead(result.Wheel))
        {
            using var reader = new StreamReader(zip.GetEntry("tfwheel_probe-2.20.0.dist-info/WHEEL")!.Open());
            var tags = (await reader.ReadToEndAsync()).Split('\n').Where(l => l.StartsWith("Tag: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(["Tag: py3-none-manylinux_2_17_x86_64", "Tag: py3-none-manylinux2014_x86_64"], tags);
        }

        var verify = await WheelVerifier.VerifyAsync(result.Wheel, VerifyRequirements.FromWheelFileName(result.Wheel), CancellationToken.None);
        Assert.True(verify.Ok, string.Join("\n", verify.Findings.Select(f => f.Message)));
        var manifest = JsonNode.Parse(File.ReadAllText(ws.Paths.Manifest))!;
        Assert.Equal("tfwheel_probe-2.20.0-py3-none-linux_x86_64.whl", (string?)manifest["wheels"]![0]!["repair"]!["from"]);
        Assert.Equal("manylinux_2_17", (string?)manifest["wheels"]![0]!["repair"]!["policy"]);
        Assert.Equal(result.Sha256, (string?)manifest["wheels"]![0]!["sha256"]);

        var venv = Path.Combine(ws.Scratch, "venv");
        await RunAsync("python3", "-m", "venv", venv);
        await RunAsync(Path.Combine(venv, "bin", "pip"), "install", "--no-index", "--no-deps", "--disable-pip-version-check", result.Wheel);
        var length = await RunAsync(Path.Combine(venv, "bin", "python"), "-c",
            "import ctypes, os, tfwheel_probe; lib = ctypes.CDLL(os.path.join(tfwheel_probe.HERE, 'libprobe.so')); print(lib.tfwheel_length(b'manylinux'))");
        Assert.Equal("9", length.Trim());
    }

    [Fact]
    public async Task A_library_needing_glibc_2_25_is_refused_naming_the_binary_the_symbol_version_and_the_floor_that_accepts_it()
    {
        using var ws = new RepairWorkspace();
        var library = await ElfLibraries.BuildAsync(ws.Scratch, "librandom.so", ElfLibraries.NeedsGlibc225);
        var original = ws.PlaceWheel(("tfwheel_probe/librandom.so", library));

        var e = await Assert.ThrowsAsync<StepFailedException>(() => WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None));

        Assert.Equal(ExitCodes.Repair, e.ExitCode);
        Assert.Contains("tfwheel_probe/librandom.so needs GLIBC_2.25", e.Message);
        Assert.Contains("target.min-os: \"2.26\"", e.Message);
        Assert.Equal(original, Assert.Single(ws.Wheels));
        Assert.False(File.Exists(ws.Paths.Manifest));
    }

    [Fact]
    public async Task A_need_past_every_known_policy_is_refused_without_suggesting_a_floor()
    {
        using var ws = new RepairWorkspace();
        var library = await ElfLibraries.BuildAsync(ws.Scratch, "libthread.so", ElfLibraries.NeedsGlibc234);
        ws.PlaceWheel(("tfwheel_probe/libthread.so", library));

        var e = await Assert.ThrowsAsync<StepFailedException>(() => WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None));

        Assert.Contains("needs GLIBC_2.34", e.Message);
        Assert.Contains("No manylinux policy tfwheel knows", e.Message);
        Assert.DoesNotContain("target.min-os:", e.Message);
    }

    [Fact]
    public async Task A_library_the_wheel_does_not_ship_is_refused_as_needing_grafting_and_shipping_it_is_accepted()
    {
        using var ws = new RepairWorkspace();
        var dependency = await ElfLibraries.BuildAsync(ws.Scratch, "libdep.so.1", ElfLibraries.Plain);
        var user = await ElfLibraries.BuildAsync(ws.Scratch, "libuser.so", "#include <stddef.h>\nsize_t tfwheel_length(const char*); size_t tfwheel_twice(const char* s) { return 2 * tfwheel_length(s); }",
            Path.Combine(ws.Scratch, "libdep.so.1"), "-Wl,-rpath,$ORIGIN");
        var alone = ws.PlaceWheel(("tfwheel_probe/libuser.so", user));

        var e = await Assert.ThrowsAsync<StepFailedException>(() => WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None));

        Assert.Contains("needs libdep.so.1, which is neither in the wheel", e.Message);
        Assert.Contains("tfwheel does not graft", e.Message);
        Assert.Contains("These would need it: libdep.so.1.", e.Message);

        File.Delete(alone);
        ws.PlaceWheel(("tfwheel_probe/libuser.so", user), ("tfwheel_probe/libdep.so.1", dependency));
        var result = await WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None);
        Assert.Equal(2, result.Binaries);
        Assert.Equal(Repaired, Path.GetFileName(Assert.Single(ws.Wheels)));
    }

    [Fact]
    public async Task Repairing_an_already_repaired_wheel_checks_it_and_leaves_the_file_alone()
    {
        using var ws = new RepairWorkspace();
        ws.PlaceWheel(("tfwheel_probe/libprobe.so", await ElfLibraries.BuildAsync(ws.Scratch, "libprobe.so", ElfLibraries.Plain)));
        var first = await WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None);

        var second = await WheelRepairer.RepairAsync(ws.Recipe, ws.Wheels.Single(), ws.Paths, new TestLog(), CancellationToken.None);

        Assert.False(second.Retagged);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Single(ws.Wheels);
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var spec = new ProcessSpec(program, args) { Echo = false, StreamOutput = false, Timeout = TimeSpan.FromMinutes(3) };
        return (await new ProcessGateway(new TestLog()).RunAsync(spec)).EnsureSuccess().StandardOutput;
    }
}
