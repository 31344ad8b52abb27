namespace Tfwheel.Verify.Binaries;

/// <summary>ELF e_machine values (glibc elf.h) to the names wheel tags use.</summary>
internal static class ElfMachines
{
    public static string Name(ushort machine) => machine switch
    {
        62 => "x86_64",
        183 => "aarch64",
        3 => "i686",
        40 => "armv7l",
        21 => "ppc64",
        22 => "s390x",
        243 => "riscv64",
        258 => "loongarch64",
        _ => $"em-{machine}",
    };
}
