namespace Tfwheel.Verify.Binaries;

/// <summary>
/// What one image's code needs from the CPU, as the audit decoded it. <see cref="Features"/> lists every
/// feature seen beyond the architecture's base (x86-64 / Armv8.0-A), each classed baseline or dispatched
/// by <see cref="DispatchRule"/>.
/// </summary>
/// <param name="Family">"x86" or "arm64" (see <see cref="IsaFeatures"/>).</param>
/// <param name="Units">Functions (or 4 KiB blocks when the binary names none) holding decoded code.</param>
/// <param name="UnitKind">"functions (symbols)", "functions (LC_FUNCTION_STARTS)" or "4 KiB blocks (no symbols)".</param>
/// <param name="CpuCheck">Where the code asks the CPU what it has (an instruction in a function, an ifunc, an import), or null.</param>
public sealed record IsaUsage(
    string Family, long CodeBytes, long Instructions, int Units, string UnitKind, IReadOnlyList<FeatureUse> Features, string? CpuCheck)
{
    public IReadOnlyList<string> BaselineFeatures => Features.Where(f => f.Baseline).Select(f => f.Name).ToList();

    public IReadOnlyList<string> DispatchedFeatures => Features.Where(f => !f.Baseline).Select(f => f.Name).ToList();
}

/// <param name="Units">How many functions (or blocks) use the feature; <paramref name="Examples"/> names the first few.</param>
/// <param name="Baseline">True when the code needs the feature wherever it runs; false when only CPU-selected code does.</param>
/// <param name="Reason">Why the rule classed it so, in words for the report.</param>
public sealed record FeatureUse(string Name, long Instructions, int Units, IReadOnlyList<string> Examples, bool Baseline, string Reason);
