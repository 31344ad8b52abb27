namespace Tfwheel.Recipes;

/// <summary>
/// The bazel build options that the <c>accelerate</c> section stands for (design/facts/TENSORFLOW.md section 6).
/// TensorFlow has no Accelerate switch of its own: gemm-conv uses TF's USE_GEMM_FOR_CONV hook
/// (tensorflow/core/kernels/gemm_functors.h calls cblas_sgemm on Apple), contraction needs tfwheel's patch
/// patches/tf-2.20/0001-accelerate-contraction.patch (TF_USE_ACCELERATE_CONTRACTION).
/// </summary>
public static class AccelerateOptions
{
    /// <summary>The macro the contraction patch adds; the loader checks a listed patch defines it.</summary>
    public const string ContractionMacro = "TF_USE_ACCELERATE_CONTRACTION";

    /// <summary>Options in the order the argument builder should append them after the recipe's own; empty when disabled.</summary>
    public static IReadOnlyList<string> BazelOptions(AccelerateSettings accelerate)
    {
        if (!accelerate.Enabled)
        {
            return [];
        }

        var options = new List<string>();
        if (accelerate.Mode is AccelerateMode.GemmConv or AccelerateMode.Both)
        {
            options.Add("--per_file_copt=tensorflow/core/kernels/.*@-DUSE_GEMM_FOR_CONV");
        }

        if (accelerate.Mode is AccelerateMode.Contraction or AccelerateMode.Both)
        {
            options.Add("--define=tensorflow_mkldnn_contraction_kernel=0");
            options.Add("--copt=-DTENSORFLOW_USE_CUSTOM_CONTRACTION_KERNEL");
            options.Add("--copt=-D" + ContractionMacro);
        }

        if (accelerate.NewLapack)
        {
            options.Add("--copt=-DACCELERATE_NEW_LAPACK");
        }

        options.Add("--linkopt=-framework");
        options.Add("--linkopt=Accelerate");
        return options;
    }
}
