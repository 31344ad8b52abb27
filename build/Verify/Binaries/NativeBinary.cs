namespace Tfwheel.Verify.Binaries;

/// <summary>
/// A native binary found (by magic number) in a wheel or an installed package.
/// <paramref name="Problems"/> lists what could not be read (truncated or absurd headers).
/// </summary>
/// <param name="Format">"mach-o", "mach-o-fat" or "elf".</param>
public sealed record NativeBinary(string Path, string Format, IReadOnlyList<BinarySlice> Slices, IReadOnlyList<string> Problems)
{
    public const string MachO = "mach-o";
    public const string MachOFat = "mach-o-fat";
    public const string Elf = "elf";

    public bool IsMachO => Format is MachO or MachOFat;

    public IReadOnlyList<string> Archs => Slices.Select(s => s.Arch).ToList();

    /// <summary>"11.0" when all slices agree, "x86_64 10.15, arm64 11.0" otherwise; ELF: the highest GLIBC_ needed.</summary>
    public string? MinOs
    {
        get
        {
            var perSlice = Slices
                .Select(s => (s.Arch, Min: s.MinOs?.ToString() ?? (s.VersionNeeds.TryGetValue("GLIBC_", out var g) ? "GLIBC_" + g : null)))
                .Where(p => p.Min is not null)
                .ToList();
            var distinct = perSlice.Select(p => p.Min).Distinct().ToList();
            return distinct.Count switch
            {
                0 => null,
                1 => distinct[0],
                _ => string.Join(", ", perSlice.Select(p => $"{p.Arch} {p.Min}")),
            };
        }
    }

    public IReadOnlyList<string> Libraries => Slices.SelectMany(s => s.Libraries).Select(l => l.Name).Distinct().ToList();

    public IReadOnlyList<string> Rpaths => Slices.SelectMany(s => s.Rpaths).Distinct().ToList();
}
