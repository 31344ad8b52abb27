namespace Tfwheel.Doctor;

/// <summary>
/// The failure this project exists to prevent, explained in one place: an x86_64 Python on an
/// Apple-silicon Mac runs under Rosetta 2 and installs x86_64 TensorFlow, whose AVX code Rosetta does
/// not translate. Doctor's host check (<see cref="HostDoctor"/>) and its installed-TensorFlow check
/// (Wheels.InstalledTensorflowDiagnosis) both use these words, so they cannot drift apart.
/// </summary>
public static class RosettaPython
{
    /// <summary>
    /// Why x86_64 TensorFlow fails under Rosetta 2 on <paramref name="macos"/> (null: unknown): before macOS 15 Rosetta
    /// has no AVX at all; from macOS 15 it runs AVX and AVX2 without reporting them, and TensorFlow's import check
    /// aborts on what CPUID reports (<see cref="RosettaCpu"/>). The same words as the per-binary CPU check.
    /// </summary>
    public static string Why(Version? macos) => macos >= RosettaCpu.AvxExecuted
        ? $"x86_64 TensorFlow uses AVX, which Rosetta 2 on macOS {macos} runs without reporting it, so TensorFlow's import check (\"compiled to use AVX instructions, but these aren't available\") aborts"
        : "x86_64 TensorFlow uses AVX, which Rosetta 2 does not translate, so `import tensorflow` dies with 'Illegal instruction'";

    public const string Remedy = "use an arm64 Python (python.org's universal2 installer run natively, or an arm64 Homebrew under /opt/homebrew or Miniforge), "
        + "recreate the venv with it, and install an arm64 TensorFlow wheel";

    /// <summary>An x86_64 interpreter on arm64 hardware: on a Mac that means Rosetta 2 translates it.</summary>
    public static bool Applies(string pythonMachine, string hardwareArch) => hardwareArch == "arm64" && pythonMachine == "x86_64";
}
