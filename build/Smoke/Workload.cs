namespace Tfwheel.Smoke;

/// <summary>A resolved workload: the .py file Smoke runs and the arguments it passes (the wheel's arch, the pass pipeline).</summary>
public sealed record Workload(string Name, string ScriptPath, IReadOnlyList<string> Arguments);
