using System.Diagnostics;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// Shared libraries built here with gcc from the same kernels three ways, the cases the instruction-set
/// audit must tell apart: every function compiled with -mavx2 -mfma (baseline AVX2/FMA), plain x86-64 with
/// one target("avx2,fma") variant chosen by __builtin_cpu_supports (dispatched), and plain x86-64 (nothing).
/// </summary>
internal static class GccKernels
{
    /// <summary>Loops gcc -O3 vectorizes: float FMA-shaped, double, and integer (AVX2's ymm integer ops).</summary>
    private const string Kernels = """
        #include <stddef.h>
        #define KERNELS(S) \
        void axpy##S(float *y, const float *x, size_t n, float a) { for (size_t i = 0; i < n; i++) y[i] += a * x[i]; } \
        double dot##S(const double *x, const double *y, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += x[i] * y[i]; return s; } \
        void add##S(int *a, const int *b, size_t n) { for (size_t i = 0; i < n; i++) a[i] += b[i] * 3; }
        """;

    private const string Plain = Kernels + "\nKERNELS()\nint version(void) { return 1; }\n";

    private const string Dispatched = Kernels + """

        __attribute__((target("avx2,fma"))) static void add_avx2(int *a, const int *b, size_t n) { for (size_t i = 0; i < n; i++) a[i] += b[i] * 3; }
        static void add_generic(int *a, const int *b, size_t n) { for (size_t i = 0; i < n; i++) a[i] += b[i] * 3; }
        void add(int *a, const int *b, size_t n) { if (__builtin_cpu_supports("avx2")) add_avx2(a, b, n); else add_generic(a, b, n); }
        KERNELS(_other)
        int version(void) { return 1; }
        """;

    /// <summary>Builds the library into <paramref name="directory"/> and returns its bytes.</summary>
    /// <param name="kind">"avx2" (all -mavx2 -mfma), "avx" (all -mavx), "dispatched" or "plain".</param>
    public static byte[] Build(string directory, string kind, bool strip = false)
    {
        var source = Path.Combine(directory, $"{kind}.c");
        var library = Path.Combine(directory, $"lib{kind}{(strip ? "-stripped" : "")}.so");
        File.WriteAllText(source, kind == "dispatched" ? Dispatched : Plain);
        string[] flags = kind switch { "avx2" => ["-mavx2", "-mfma"], "avx" => ["-mavx"], _ => [] };
        Run("gcc", ["-O3", "-shared", "-fPIC", .. flags, "-o", library, source]);
        if (strip)
        {
            Run("strip", ["--strip-all", library]);
        }

        return File.ReadAllBytes(library);
    }

    private static void Run(string tool, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error} (install gcc and binutils, see .ci/run)");
    }
}
