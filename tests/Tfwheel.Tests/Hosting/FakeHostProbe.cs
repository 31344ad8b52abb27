using Tfwheel.Hosting;

namespace Tfwheel.Tests.Hosting;

/// <summary>Presents a host that is not this one (a Mac, a Mac with the wrong Python) to Doctor's checks.</summary>
internal sealed record FakeHostProbe : IHostProbe
{
    public HostPlatform Platform { get; init; } = new("macos", "arm64");

    public string OsDescription { get; init; } = "macOS 14.5";

    public bool HardwareArm64 { get; init; } = true;

    public bool? Translated { get; init; } = false;

    public string? Xcode { get; init; } = "/Library/Developer/CommandLineTools";

    public string? Bazel { get; init; } = "bazel 7.4.1";

    public Dictionary<string, PythonFacts> Pythons { get; init; } = new()
    {
        ["python3"] = new("/opt/homebrew/bin/python3", "3.12.4", "arm64", false),
        ["python3.12"] = new("/opt/homebrew/bin/python3.12", "3.12.4", "arm64", false),
    };

    public long FreeBytes { get; init; } = 200L << 30;

    public long TotalMemoryBytes { get; init; } = 32L << 30;

    public Task<bool> HardwareIsArm64Async(CancellationToken ct) => Task.FromResult(HardwareArm64);

    public Task<bool?> ProcessIsTranslatedAsync(CancellationToken ct) => Task.FromResult(Translated);

    public Task<string?> XcodeDeveloperDirAsync(CancellationToken ct) => Task.FromResult(Xcode);

    public Task<string?> ToolVersionAsync(string executable, CancellationToken ct) => Task.FromResult(Bazel);

    public Task<PythonFacts?> PythonAsync(string executable, CancellationToken ct) =>
        Task.FromResult(Pythons.TryGetValue(executable, out var p) ? p : null);

    public long FreeDiskBytes(string path) => FreeBytes;
}
