using System.Diagnostics;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Bench;

/// <summary>
/// The x86-64 audit's decoder alone, in memory, one thread: 64 MiB from the middle of this machine's libLLVM-15
/// (compiler-generated code of every kind), decoded with the fast path and with Iced alone (the baseline, same run).
/// Prints ns per instruction and MB/s for each and the ratio. Args: [MiB, default 64].
/// </summary>
public sealed class X86DecodeBenchmark : IBenchmark
{
    public string Name => "x86-decode";

    public string Description => "the x86-64 audit's decoder on 64 MiB of libLLVM-15 code, one thread: fast path vs Iced alone (ns/instruction, MB/s)";

    public Task<int> RunAsync(IReadOnlyList<string> args)
    {
        const string llvm = "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1";
        if (!File.Exists(llvm))
        {
            Console.Error.WriteLine($"needs {llvm} (apt-get install llvm-15)");
            return Task.FromResult(2);
        }

        var mib = args.Count > 0 && args[0] != "--fast-only" ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 64;
        var code = new byte[Math.Min(mib << 20, (int)new FileInfo(llvm).Length - (16 << 20))];
        using (var file = File.OpenRead(llvm))
        {
            file.Position = 16 << 20;
            file.ReadExactly(code);
        }

        var iced = Time(code, fast: false);
        var fast = Time(code, fast: true);
        Console.WriteLine($"iced alone: {iced.Ns:0.0} ns/instruction, {code.Length / 1e6 / iced.Seconds:0} MB/s");
        Console.WriteLine($"fast path:  {fast.Ns:0.0} ns/instruction, {code.Length / 1e6 / fast.Seconds:0} MB/s ({fast.Seconds / iced.Seconds:0.00}x Iced's time)");
        return Task.FromResult(0);
    }

    private static (double Seconds, double Ns) Time(byte[] code, bool fast)
    {
        new X86CodeAudit(fast).DecodeRange(0x1000, code.AsSpan(0, Math.Min(code.Length, 4 << 20)));
        var best = double.MaxValue;
        long instructions = 0;
        for (var run = 0; run < 3; run++)
        {
            var audit = new X86CodeAudit(fast);
            var watch = Stopwatch.StartNew();
            audit.DecodeRange(0x1000, code);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            instructions = audit.Instructions;
        }

        return (best, best * 1e9 / instructions);
    }
}
