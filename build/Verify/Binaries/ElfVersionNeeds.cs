namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Walks .gnu.version_r (Elf64_Verneed / Elf64_Vernaux, 16 bytes each in both classes) and keeps the
/// highest version needed per prefix (GLIBC_, GLIBCXX_, CXXABI_, GCC_). Entries for the dynamic loader
/// itself (ld-linux*, ld64.so*) are skipped, as auditwheel does.
/// </summary>
internal static class ElfVersionNeeds
{
    private const int MaxEntries = 1 << 16;

    public static void Collect(ReadOnlySpan<byte> table, uint count, bool big, ReadOnlySpan<byte> strings, Dictionary<string, Version> highest)
    {
        long at = 0;
        var walked = 0;
        for (var i = 0; i < count; i++)
        {
            var auxCount = Bytes.U16(table, at + 2, big);
            var file = Bytes.CString(strings, Bytes.U32(table, at + 4, big));
            var aux = at + Bytes.U32(table, at + 8, big);
            var next = Bytes.U32(table, at + 12, big);
            for (var j = 0; j < auxCount && ++walked < MaxEntries; j++)
            {
                var name = Bytes.CString(strings, Bytes.U32(table, aux + 8, big));
                if (!file.StartsWith("ld-linux", StringComparison.Ordinal) && !file.StartsWith("ld64.so", StringComparison.Ordinal))
                {
                    Keep(name, highest);
                }

                var auxNext = Bytes.U32(table, aux + 12, big);
                if (auxNext == 0)
                {
                    break;
                }

                aux += auxNext;
            }

            if (next == 0)
            {
                break;
            }

            at += next;
        }
    }

    private static void Keep(string name, Dictionary<string, Version> highest)
    {
        var cut = name.LastIndexOf('_');
        var number = name[(cut + 1)..];
        if (cut <= 0 || !Version.TryParse(number.Contains('.') ? number : number + ".0", out var version))
        {
            return;
        }

        var prefix = name[..(cut + 1)];
        if (!highest.TryGetValue(prefix, out var current) || version > current)
        {
            highest[prefix] = version;
        }
    }
}
