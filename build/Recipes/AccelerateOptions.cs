namespace Tfwheel.Recipes;

/// <summary>
/// The bazel build options that the <c>accelerate</c> section stands for (design/facts/TENSORFLOW.md section 6).
/// TensorFlow has no Accelerate switch of its own: gemm-conv uses TF's USE_GEMM_FOR_CONV hook
/// (tensorflow/core/kernels/gemm_functors.h calls cblas_sgemm on Apple), contraction needs tfwheel's patch
/// patches/tf-2.20/0001-accelerate-contraction.patch (TF_USE_ACCELERATE_CONTRACTION), whose BUILD hunk scopes
/// the defines and the Accelerate linkopts to eigen_contraction_kernel_no_mkl behind
/// --define=tensorflow_accelerate_contraction_kernel=1, so contraction mode adds no global --copt or --linkopt.
/// </summary>
public static class AccelerateOptions
{
    /// <summary>The macro the contraction patch adds; the loader checks a listed patch defines it.</summary>
    public const string ContractionMacro = "TF_USE_ACCELERATE_CONTRACTION";

    /// <summary>The --define the patch's BUILD select reads (config_setting :accelerate_contraction_kernel).</summary>
    public const string ContractionDefine = "--define=tensorflow_accelerate_contraction_kernel=1";

    /// <summary>Options in the order the argument builder should append them after the recipe's own; empty when disabled.</summary>
    public static IReadOnlyList<string> BazelOptions(AccelerateSettings accelerate)
    {
        if (!accelerate.Enabled)
        {
            return [];
        }

        var options = new List<string>();
        var gemmConv = accelerate.Mode is AccelerateMode.GemmConv or AccelerateMode.Both;
        if (gemmConv)
        {
            options.Add("--per_file_copt=tensorflow/core/kernels/.*@-DUSE_GEMM_FOR_CONV");
        }

        if (accelerate.Mode is AccelerateMode.Contraction or AccelerateMode.Both)
        {
            options.Add("--define=tensorflow_mkldnn_contraction_kernel=0");
            options.Add(ContractionDefine);
        }

        if (accelerate.NewLapack)
        {
            // Changes the declarations in Accelerate's headers, so every includer must agree: global.
            options.Add("--copt=-DACCELERATE_NEW_LAPACK");
        }

        if (gemmConv)
        {
            // gemm_functors.h calls cblas_sgemm from many kernels; the contraction patch links its own library.
            options.Add("--linkopt=-framework");
            options.Add("--linkopt=Accelerate");
        }

        return options;
    }
}
