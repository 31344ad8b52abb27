namespace Tfwheel.Processes;

/// <summary>Receives output lines as they arrive (already redacted); used for live progress parsing.</summary>
public sealed record ProcessObserver(Action<string>? StandardOutput = null, Action<string>? StandardError = null);
