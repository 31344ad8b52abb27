namespace Tfwheel.Tests.Support;

/// <summary>Patches against the TF-shaped fixture's files, each written as git format would.</summary>
public static class TestPatches
{
    /// <summary>Adds a function at the end of matmul_op.c.</summary>
    public const string AddScale = """
        --- a/tensorflow/core/kernels/matmul_op.c
        +++ b/tensorflow/core/kernels/matmul_op.c
        @@ -8,3 +8,7 @@ float tfwheel_fixture_dot(const float* a, const float* b, size_t n) {
           }
           return sum;
         }
        +
        +float tfwheel_fixture_scale(float x) {
        +  return 2.0f * x;
        +}

        """;

    /// <summary>Hunk #1 applies; hunk #2 expects a line the tree does not have.</summary>
    public const string Conflicting = """
        --- a/tensorflow/core/kernels/matmul_op.c
        +++ b/tensorflow/core/kernels/matmul_op.c
        @@ -1,2 +1,2 @@
        -/* A stand-in for a TensorFlow kernel: compiled into the wheel's native library. */
        +/* A patched stand-in for a TensorFlow kernel. */
         #include <stddef.h>
        @@ -5,4 +5,4 @@ float tfwheel_fixture_dot(const float* a, const float* b, size_t n) {
           double sum = 0.0;
           for (size_t i = 0; i < n; ++i) {
        -    sum += a[i] * b[i] * 1.0;
        +    sum += a[i] * b[i] * 2.0;
           }

        """;

    /// <summary>Makes the kernel fail to compile.</summary>
    public const string BreakCompile = """
        --- a/tensorflow/core/kernels/matmul_op.c
        +++ b/tensorflow/core/kernels/matmul_op.c
        @@ -1,2 +1,3 @@
         /* A stand-in for a TensorFlow kernel: compiled into the wheel's native library. */
        +#error "broken on purpose by a tfwheel test patch"
         #include <stddef.h>

        """;

    /// <summary>Makes the kernel's compile action wait while <paramref name="marker"/> exists (at most two minutes), long enough to interrupt.</summary>
    public static string WaitWhile(string marker) => $$"""
        --- a/tensorflow/core/kernels/BUILD
        +++ b/tensorflow/core/kernels/BUILD
        @@ -5,5 +5,5 @@ genrule(
             name = "framework",
             srcs = ["matmul_op.c"],
             outs = ["libtensorflow_framework.so"],
        -    cmd = "cc -shared -fPIC -O2 -o $@ $(location matmul_op.c)",
        +    cmd = "for i in $$(seq 120); do [ -e {{marker}} ] || break; sleep 1; done; cc -shared -fPIC -O2 -o $@ $(location matmul_op.c)",
         )

        """;
}
