using Tfwheel.Verify.Binaries;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// Bounds the library names and search paths one wheel's binaries may make the reader keep. Each binary is
/// bounded by its readers (<see cref="Bytes.MaxString"/> per name, a cap on names per image), but a wheel may
/// hold a thousand such binaries from a few kilobytes each; past the budget a binary keeps its architectures
/// and is reported as unreadable instead of kept whole.
/// </summary>
internal sealed class NameBudget
{
    /// <summary>Characters (16 MiB of text): a TensorFlow wheel's binaries name well under one.</summary>
    public const long Limit = 16L << 20;

    private long _used;

    public NativeBinary Charge(NativeBinary binary)
    {
        var cost = binary.Slices.Sum(s => (long)(s.InstallName?.Length ?? 0) + (s.Interpreter?.Length ?? 0)
            + s.Libraries.Sum(l => (long)l.Name.Length) + s.Rpaths.Sum(r => (long)r.Length));
        if (_used + cost <= Limit)
        {
            _used += cost;
            return binary;
        }

        var bare = binary.Slices.Select(s => s with { Libraries = [], Rpaths = [], InstallName = null, Interpreter = null }).ToList();
        var problem = $"its library names and search paths ({cost} characters) exceed what tfwheel keeps for one wheel ({Limit} characters in all); linkage was not checked";
        return binary with { Slices = bare, Problems = [.. binary.Problems, problem] };
    }
}
