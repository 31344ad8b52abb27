namespace Tfwheel.Hosting;

/// <summary>What an interpreter says of itself.</summary>
/// <param name="Machine">platform.machine(): "arm64", "x86_64", "aarch64".</param>
/// <param name="Translated">macOS: whether that interpreter runs under Rosetta; null when unknown.</param>
public sealed record PythonFacts(string Executable, string Version, string Machine, bool? Translated);
