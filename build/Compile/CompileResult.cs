namespace Tfwheel.Compile;

/// <summary>The wheel Compile produced, copied into artifacts/&lt;recipe&gt;/, and how the build went.</summary>
public sealed record CompileResult(string WheelPath, long WheelSize, string WheelSha256, BazelRun Build, TimeSpan Duration)
{
    public string WheelName => Path.GetFileName(WheelPath);
}
