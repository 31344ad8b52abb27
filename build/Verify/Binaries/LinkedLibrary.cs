namespace Tfwheel.Verify.Binaries;

/// <summary>A library a binary loads: Mach-O LC_*_DYLIB (Kind load, weak, reexport, lazy, upward) or ELF DT_NEEDED (needed).</summary>
public sealed record LinkedLibrary(string Name, string Kind);
