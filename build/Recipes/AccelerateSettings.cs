namespace Tfwheel.Recipes;

/// <summary>Linking Apple's Accelerate framework (recipe section <c>accelerate</c>; macOS only, experimental).</summary>
public sealed record AccelerateSettings
{
    public bool Enabled { get; init; }

    public AccelerateMode Mode { get; init; } = AccelerateMode.GemmConv;

    /// <summary>Use the macOS 13.3+ LAPACK interface (ACCELERATE_NEW_LAPACK); needs min-os 13.3 or later.</summary>
    public bool NewLapack { get; init; }
}

/// <summary>
/// Which TensorFlow kernels go through Accelerate (docs/facts/TENSORFLOW.md section 6):
/// gemm-conv uses TF's own USE_GEMM_FOR_CONV hook (Conv2D through cblas_sgemm);
/// contraction patches Eigen's contraction kernel (MatMul and convolutions through cblas_sgemm);
/// both does both.
/// </summary>
public enum AccelerateMode
{
    GemmConv,
    Contraction,
    Both,
}
