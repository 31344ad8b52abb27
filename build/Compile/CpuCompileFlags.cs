using System.Text;
using Tfwheel.Recipes;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Compile;

/// <summary>
/// Writes target.cpu's compiler flags (<see cref="CpuFlags"/>) into .bazelrc.user after every <c>--config</c>, so
/// they are the last -march/-mcpu the compiler sees: TensorFlow's configs set <c>-march=armv8-a</c>
/// (linux_arm64) or add <c>-mavx</c> (avx_linux, in release_cpu_linux and release_macos_x86; tensorflow/tensorflow
/// .bazelrc @0071ad1d1f9e35ead7169c50dbe754ce5c27cae1). gcc and clang take the last -march/-mcpu; an explicit
/// -mavx stays on whatever -march follows it. Only bazel.options, written after, can override it.
/// </summary>
internal static class CpuCompileFlags
{
    public static void Append(StringBuilder text, Recipe recipe)
    {
        if (recipe.Target.Cpu is not { } cpu)
        {
            return;
        }

        text.AppendLine($"# target.cpu {cpu}: the CPU the wheel's code may assume (Verify holds the binaries to it).");
        foreach (var option in For(recipe.Target))
        {
            BazelrcUser.Line(text, option);
        }
    }

    public static IReadOnlyList<string> For(TargetPlatform target) =>
        target.Cpu is { } cpu ? CpuFlags.BazelOptions(cpu) : [];
}
