namespace Tfwheel.Compile;

/// <summary>What Configure found and wrote.</summary>
/// <param name="BazelVersion">What `bazel --version` reported, or null for an unstamped bazel ("no_version").</param>
/// <param name="ConfigureLog">configure.py's output, kept in artifacts.</param>
public sealed record ConfigureResult(string? BazelVersion, string BazelrcUser, string ConfigureLog, TimeSpan Duration);
