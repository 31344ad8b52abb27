using Tfwheel.Processes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Repair;

/// <summary>Real shared libraries made with this machine's C compiler (cc, glibc 2.36), for what Repair reads.</summary>
internal static class ElfLibraries
{
    /// <summary>Needs only GLIBC_2.2.5-era symbols (strlen): every manylinux policy accepts it.</summary>
    public const string Plain = """
        #include <string.h>
        size_t tfwheel_length(const char* s) { return strlen(s); }
        """;

    /// <summary>getrandom exists from glibc 2.25 (GLIBC_2.25): manylinux_2_17 refuses it, manylinux_2_26 accepts it.</summary>
    public const string NeedsGlibc225 = """
        #include <sys/random.h>
        long tfwheel_random(void* buffer, unsigned long n) { return getrandom(buffer, n, 0); }
        """;

    /// <summary>Since glibc 2.34 pthread_create lives in libc as GLIBC_2.34, newer than any policy tfwheel knows.</summary>
    public const string NeedsGlibc234 = """
        #include <pthread.h>
        static void* run(void* arg) { return arg; }
        int tfwheel_thread(void) { pthread_t t; return pthread_create(&t, 0, run, 0) || pthread_join(t, 0); }
        """;

    /// <summary>Compiles <paramref name="source"/> into <paramref name="directory"/>/<paramref name="soname"/> and returns its bytes.</summary>
    public static async Task<byte[]> BuildAsync(string directory, string soname, string source, params string[] linkArgs)
    {
        var c = Path.Combine(directory, soname + ".c");
        var output = Path.Combine(directory, soname);
        await File.WriteAllTextAsync(c, source);
        var spec = new ProcessSpec("cc", ["-shared", "-fPIC", "-O2", $"-Wl,-soname,{soname}", "-o", output, c, .. linkArgs])
        {
            WorkingDirectory = directory,
            Echo = false,
            StreamOutput = false,
        };
        (await new ProcessGateway(new TestLog()).RunAsync(spec)).EnsureSuccess();
        return await File.ReadAllBytesAsync(output);
    }
}
