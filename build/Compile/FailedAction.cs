namespace Tfwheel.Compile;

/// <summary>An action that failed, from the Build Event Protocol: which target, what kind of action, what it printed.</summary>
/// <param name="Label">The target that owns the action, "//tensorflow/core/kernels:framework".</param>
/// <param name="Mnemonic">The kind of action: CppCompile, CppLink, Genrule, ...</param>
/// <param name="Stderr">What the action wrote to standard error (read from the file the event points at).</param>
public sealed record FailedAction(string Label, string Mnemonic, int? ExitCode, string Stderr);
