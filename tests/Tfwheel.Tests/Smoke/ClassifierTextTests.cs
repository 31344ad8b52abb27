using Tfwheel.Smoke;

namespace Tfwheel.Tests.Smoke;

/// <summary>
/// The loader and LLVM messages of other platforms, as they read (quoted from the TensorFlow issues in
/// design/facts/TENSORFLOW.md section 9 and from dyld/ld.so); on this Linux machine only the Linux ones
/// can be produced for real (see ClassificationTests).
/// </summary>
public class ClassifierTextTests
{
    [Fact]
    public void A_dyld_incompatible_architecture_error_is_a_wrong_architecture()
    {
        string[] stderr =
        [
            "Traceback (most recent call last):",
            "ImportError: dlopen(/v/lib/python3.12/site-packages/tensorflow/python/_pywrap_tensorflow_internal.so, 0x0002): tried: '/v/lib/python3.12/site-packages/tensorflow/python/_pywrap_tensorflow_internal.so' (mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64'))",
            "",
            "Failed to load the native TensorFlow runtime.",
        ];
        var note = ImportFailure.Diagnose(stderr, "arm64");
        Assert.StartsWith("wrong architecture: dlopen(", note, StringComparison.Ordinal);
        Assert.EndsWith("(have 'x86_64', need 'arm64')). A native library in the wheel is not built for this arm64 Python: install a wheel built for arm64, or use a Python of the wheel's architecture", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_32_bit_ELF_library_is_a_wrong_architecture()
    {
        var note = ImportFailure.Diagnose(["ImportError: /v/x.so: wrong ELF class: ELFCLASS32"], "x86_64");
        Assert.StartsWith("wrong architecture: /v/x.so: wrong ELF class: ELFCLASS32. ", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_library_that_cannot_be_found_is_a_missing_dependency()
    {
        var note = ImportFailure.Diagnose(["ImportError: libcudart.so.12: cannot open shared object file: No such file or directory"], "x86_64");
        Assert.Equal("missing dependency: libcudart.so.12: cannot open shared object file: No such file or directory. Install the shared library it names, or rebuild the wheel so it does not need it", note);
    }

    [Fact]
    public void An_undefined_symbol_is_a_library_mismatch()
    {
        var note = ImportFailure.Diagnose(["ImportError: /v/_pywrap.so: undefined symbol: _ZN10tensorflow8OpKernelD2Ev"], "x86_64");
        Assert.StartsWith("a native library does not match its dependencies: /v/_pywrap.so: undefined symbol", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_traceback_without_an_import_error_is_not_an_import_failure()
    {
        Assert.Null(ImportFailure.Diagnose(["Traceback (most recent call last):", "ValueError: wrong ELF class is mentioned here"], "x86_64"));
    }

    [Theory]
    [InlineData(4, "linux", "SIGILL")]
    [InlineData(6, "macos", "SIGABRT")]
    [InlineData(7, "linux", "SIGBUS")]
    [InlineData(10, "macos", "SIGBUS")]
    [InlineData(11, "macos", "SIGSEGV")]
    [InlineData(40, "linux", "signal 40")]
    public void Signals_are_named_by_the_hosts_numbering(int number, string os, string name) =>
        Assert.Equal(name, Signals.Name(number, os));

    [Fact]
    public void LLVM_and_MLIR_error_lines_are_picked_out_and_informational_MLIR_lines_are_not()
    {
        string[] stderr =
        [
            "2026-01-01 I tensorflow/compiler/mlir/mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled",
            "disabling MLIR crash reproducer, set env var `MLIR_CRASH_REPRODUCER_DIRECTORY` to enable.",
            "loc(fused[\"MatMul:\", \"m\"]): error: 'tf.MatMul' op operand #0 must be tensor",
            "error: 'tf_device.cluster' op failed to legalize",
            "Assertion failed: (isa<X>(Val) && \"cast<Ty>() argument of incompatible type!\"), function cast, file Casting.h, line 578.",
            "LLVM ERROR: Failed to infer result type(s).",
            "PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/ and include the crash backtrace.",
            "Stack dump:",
            "Fatal Python error: Aborted",
        ];
        Assert.Equal(stderr[2..8], MlirErrorLines.Pick(stderr));
    }
}
