namespace Tfwheel.Recipes;

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
