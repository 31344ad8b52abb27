using System.Buffers.Binary;
using System.Diagnostics;
using Tfwheel.Tests.Support;
using Tfwheel.Verify;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// Libraries linked the classic way (GNU ld -z noseparate-code; gold's layout too): one R+X segment from offset 0
/// that holds the headers and symbol tables, the code, then .rodata. Verify stops decoding where the code gives way
/// to data, and reads the file again when the section headers (or their absence) say code may lie further on.
/// The code: 1.5 MiB of padding instructions (enough for the audit to know it is in code), then late_avx2.
/// </summary>
public sealed class MixedSegmentTests : IDisposable
{
    private const int RodataBytes = 4 << 20;
    private const int TablesBytes = 2 << 20;
    private const int PadBytes = 1572864;
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task The_data_after_the_code_is_not_decoded_and_the_report_is_the_one_a_full_decode_gives()
    {
        var library = Build("after", dataInText: false);

        var isa = await VerifyIsa(library);

        Assert.Equal(Describe(await VerifyIsa(Build("separate", dataInText: false, separateCode: true))), Describe(isa));
        Assert.Contains("late_avx2", Assert.Single(isa.Features, f => f.Name == "avx2").Examples);
        // The 4 MiB of .rodata (one-byte invalid instructions) went by undecoded; a scanner that cannot read again decodes them.
        var full = FullDecode(library);
        Assert.True(isa.CodeBytes < full.CodeBytes - (RodataBytes / 2), $"decoded {isa.CodeBytes} of {full.CodeBytes} bytes");
    }

    [Fact]
    public async Task Data_inside_the_code_makes_verify_read_the_entry_again_and_audit_the_code_after_it()
    {
        var library = Build("inside", dataInText: true);

        var isa = await VerifyIsa(library);

        Assert.Contains("late_avx2", Assert.Single(isa.Features, f => f.Name == "avx2").Examples);
        Assert.Equal(Describe(await VerifyIsa(Build("separate", dataInText: true, separateCode: true))), Describe(isa));
    }

    [Fact]
    public async Task A_file_on_disk_is_read_again_the_same_way()
    {
        var path = Path.Combine(dir.Path, "libinside.so");
        File.WriteAllBytes(path, Build("inside", dataInText: true));

        var binary = await NativeFileReader.ReadAsync(path, "libinside.so", CancellationToken.None);

        var isa = Assert.Single(binary!.Slices).Isa!;
        Assert.Contains("late_avx2", Assert.Single(isa.Features, f => f.Name == "avx2").Examples);
    }

    [Fact]
    public async Task The_tables_before_the_code_go_by_undecoded_and_the_report_is_the_same()
    {
        var library = Build("front", dataInText: false, tablesBefore: true);

        var isa = await VerifyIsa(library);

        Assert.Equal(Describe(await VerifyIsa(Build("separate", dataInText: false, tablesBefore: true, separateCode: true))), Describe(isa));
        Assert.Contains("late_avx2", Assert.Single(isa.Features, f => f.Name == "avx2").Examples);
        var full = FullDecode(library);
        Assert.True(isa.CodeBytes < full.CodeBytes - TablesBytes - (RodataBytes / 2), $"decoded {isa.CodeBytes} of {full.CodeBytes} bytes");
    }

    [Fact]
    public async Task An_executable_section_before_where_decoding_began_makes_verify_decode_the_code_again_from_the_start()
    {
        var library = Build("early", dataInText: false, tablesBefore: true);
        MarkExecutable(library, ".note.tfwheel");

        var isa = await VerifyIsa(library);

        // The 2 MiB "code" section now outweighs the named functions, so the audit works in 4 KiB blocks.
        Assert.True(isa.CodeBytes > TablesBytes + PadBytes, $"decoded only {isa.CodeBytes} bytes: the section marked executable was skipped");
        Assert.Equal("4 KiB blocks (no symbols)", isa.UnitKind);
        Assert.Contains(isa.Features, f => f.Name == "avx");
    }

    /// <summary>
    /// Without section headers nothing says where the code is: data inside it, or tables skipped before it, make the
    /// second read decode the segment to its end, from its start when tables were skipped: the full decode's report.
    /// </summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Without_section_headers_the_second_read_gives_what_a_full_decode_gives(bool dataInText, bool tablesBefore)
    {
        var library = Build($"headless-{dataInText}", dataInText, tablesBefore);
        // e_shoff and e_shnum: as if the section headers were stripped.
        BinaryPrimitives.WriteUInt64LittleEndian(library.AsSpan(0x28), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(library.AsSpan(0x3C), 0);

        var isa = await VerifyIsa(library);

        var full = FullDecode(library);
        Assert.Equal(full.CodeBytes, isa.CodeBytes);
        Assert.Equal(full.Instructions, isa.Instructions);
        Assert.Equal(Describe(full), Describe(isa));
        Assert.Contains(isa.Features, f => f.Name == "avx");
    }

    /// <summary>Sets SHF_EXECINSTR on the section named <paramref name="name"/> (as if it held code).</summary>
    private static void MarkExecutable(byte[] elf, string name)
    {
        var headers = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        var names = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(headers + (BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3E)) * 64) + 24));
        for (var i = 0; i < count; i++)
        {
            var at = headers + (i * 64);
            var nameAt = names + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(elf, nameAt, name.Length + 1) == name + "\0")
            {
                elf[at + 8] |= 4;
                return;
            }
        }

        Assert.Fail($"no section {name}");
    }

    /// <summary>
    /// What the report concludes: the units, and per feature baseline or not, how many functions, which. (Not the
    /// instruction counts: those include whatever the tables before the code decode to.)
    /// </summary>
    private static List<string> Describe(IsaUsage isa) =>
        [isa.UnitKind, .. isa.Features.Select(f => $"{f.Name} baseline={f.Baseline} units={f.Units} e.g. {string.Join(",", f.Examples)}")];

    /// <summary>The same bytes through a scanner that cannot read them again: it decodes the whole segment.</summary>
    private static IsaUsage FullDecode(byte[] library)
    {
        var scanner = new NativeBinaryScanner("lib.so", library.Length);
        scanner.Feed(library);
        return Assert.Single(scanner.Complete()!.Slices).Isa!;
    }

    private async Task<IsaUsage> VerifyIsa(byte[] library)
    {
        var target = Directory.CreateDirectory(Path.Combine(dir.Path, Guid.NewGuid().ToString("N"))).FullName;
        var path = new TestWheel("k-1.0-cp312-cp312-manylinux_2_17_x86_64.whl").With("k/libk.so", library).Write(target);
        var report = await WheelVerifier.VerifyAsync(path, VerifyRequirements.FromWheelFileName(path), CancellationToken.None);
        return Assert.Single(Assert.Single(report.Binaries).Slices).Isa!;
    }

    /// <param name="dataInText">A 192 KiB table inside .text (as hand-written crypto keeps its constants) before late_avx2.</param>
    /// <param name="tablesBefore">2 MiB of table-like bytes (a note section) at the start of the segment, before the code.</param>
    /// <param name="separateCode">Link the default way instead (code alone in its segment): the reference.</param>
    private byte[] Build(string name, bool dataInText, bool tablesBefore = false, bool separateCode = false)
    {
        var source = Path.Combine(dir.Path, $"{name}.c");
        var library = Path.Combine(dir.Path, $"lib{name}.so");
        var table = dataInText ? ".fill 196608,1,0x61\\n" : "";
        var tables = tablesBefore ? $"__asm__(\".section .note.tfwheel,\\\"a\\\",@note\\n.fill {TablesBytes},1,0x61\\n.text\\n\");" : "";
        File.WriteAllText(source, $$"""
            #include <stddef.h>
            {{tables}}
            __asm__(".text\n.globl pad\n.type pad,@function\npad:\n.fill {{PadBytes}},1,0x90\nret\n.size pad,.-pad\n{{table}}");
            __attribute__((target("avx2"))) void late_avx2(int *a, const int *b, size_t n) { for (size_t i = 0; i < n; i++) a[i] += b[i] * 3; }
            __asm__(".section .rodata\n.globl table\n.type table,@object\ntable:\n.fill {{RodataBytes}},1,0x61\n.size table,.-table\n.text\n");
            int version(void) { return 1; }
            """);
        using (var gcc = Process.Start(new ProcessStartInfo("gcc", ["-O3", "-shared", "-fPIC", "-fno-toplevel-reorder", separateCode ? "-Wl,-z,separate-code" : "-Wl,-z,noseparate-code", "-o", library, source]) { RedirectStandardError = true })!)
        {
            var error = gcc.StandardError.ReadToEnd();
            gcc.WaitForExit();
            Assert.True(gcc.ExitCode == 0, $"gcc failed: {error} (install gcc and binutils, see .ci/run)");
        }

        return File.ReadAllBytes(library);
    }
}
