using System.Text;
using Tfwheel.Recipes;

namespace Tfwheel.Bazel;

/// <summary>
/// The .bazelrc.user lines that route TensorFlow kernels through Apple's Accelerate (TENSORFLOW.md
/// section 6). TensorFlow has no switch for it, so these use the hooks the tree already has.
/// </summary>
internal static class AccelerateFlags
{
    public static void Append(StringBuilder text, Recipe recipe)
    {
        var accelerate = recipe.Accelerate;
        if (!accelerate.Enabled || recipe.Target.Os != TargetOs.Macos)
        {
            return;
        }

        text.AppendLine($"# Accelerate (experimental, mode {Spell(accelerate.Mode)}).");
        if (accelerate.Mode is AccelerateMode.GemmConv or AccelerateMode.Both)
        {
            // tensorflow/core/kernels/gemm_functors.h includes <Accelerate/Accelerate.h> and calls
            // cblas_sgemm when __APPLE__ and USE_GEMM_FOR_CONV are defined; only the kernels need it.
            text.AppendLine("# gemm-conv: Conv2D through cblas_sgemm (TF's USE_GEMM_FOR_CONV hook in gemm_functors.h).");
            BazelrcUser.Line(text, "--per_file_copt=tensorflow/core/kernels/.*@-DUSE_GEMM_FOR_CONV");
        }

        if (accelerate.Mode is AccelerateMode.Contraction or AccelerateMode.Both)
        {
            // The Eigen contraction kernel hook (eigen_contraction_kernel.h) is taken only with the
            // MKL-DNN kernel off; TF_USE_ACCELERATE_CONTRACTION is the macro our patch adds.
            text.AppendLine("# contraction: Eigen tensor contractions (MatMul, convolutions) through cblas_sgemm, via our patch.");
            BazelrcUser.Line(text, "--define=tensorflow_mkldnn_contraction_kernel=0");
            BazelrcUser.Line(text, "--copt=-DTENSORFLOW_USE_CUSTOM_CONTRACTION_KERNEL");
            BazelrcUser.Line(text, "--copt=-DTF_USE_ACCELERATE_CONTRACTION");
        }

        if (accelerate.NewLapack)
        {
            text.AppendLine("# new-lapack: the macOS 13.3+ BLAS/LAPACK interface of Accelerate.");
            BazelrcUser.Line(text, "--copt=-DACCELERATE_NEW_LAPACK");
        }

        // Bazel passes each --linkopt to the clang driver as one argv word, in order, so the driver
        // sees "-framework Accelerate" as the two words it expects. This spelling is what a person
        // would type; the alternative "-Wl,-framework,Accelerate" bypasses the driver and says the same.
        text.AppendLine("# Link Accelerate: two --linkopt words on one line so they stay adjacent and in order.");
        BazelrcUser.Line(text, "--linkopt=-framework", "--linkopt=Accelerate");
    }

    private static string Spell(AccelerateMode mode) => mode switch
    {
        AccelerateMode.GemmConv => "gemm-conv",
        AccelerateMode.Contraction => "contraction",
        _ => "both",
    };
}
