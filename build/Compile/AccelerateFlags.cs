using System.Text;
using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Compile;

/// <summary>
/// Writes the options the recipe's <c>accelerate</c> section stands for (<see cref="AccelerateOptions"/>, the one
/// list of them) into .bazelrc.user. macOS only: Accelerate is an Apple framework.
/// </summary>
internal static class AccelerateFlags
{
    public static void Append(StringBuilder text, Recipe recipe)
    {
        if (recipe.Target.Os != TargetOs.Macos)
        {
            return;
        }

        var options = AccelerateOptions.BazelOptions(recipe.Accelerate);
        if (options.Count == 0)
        {
            return;
        }

        text.AppendLine("# Accelerate (experimental; docs/facts/TENSORFLOW.md section 6): gemm-conv is TF's USE_GEMM_FOR_CONV hook in");
        text.AppendLine("# gemm_functors.h, contraction is our eigen_contraction_kernel.h patch; both call cblas_sgemm.");
        for (var i = 0; i < options.Count; i++)
        {
            // Bazel hands each --linkopt to the clang driver as one argv word, in order: "-framework" and
            // "Accelerate" must stay adjacent, so they share a line.
            if (options[i] == "--linkopt=-framework" && i + 1 < options.Count)
            {
                BazelrcUser.Line(text, options[i], options[++i]);
            }
            else
            {
                BazelrcUser.Line(text, options[i]);
            }
        }
    }
}
