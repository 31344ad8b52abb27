using Tfwheel.Verify;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Doctor;

/// <summary>
/// Judges an installed TensorFlow against the interpreter that would load it and the CPU underneath.
/// Pure, so the Apple-silicon cases are tested on any host. The seed's two shapes: an x86_64 Python
/// translated by Rosetta 2 on an arm64 Mac, and x86_64 TensorFlow binaries on an arm64 Mac; either way
/// TensorFlow's x86_64 code uses AVX, which Rosetta does not translate, so it dies with "Illegal instruction".
/// </summary>
public static class InstalledTensorflowDiagnosis
{
    private const string BuildHint = "or build one from source with tfwheel: dotnet run --project build -- --target=Wheel --recipe=macos-arm64";

    /// <param name="hostCpu">This machine's CPU (Doctor's probe), or null when unknown; a Python under Rosetta is held to <see cref="RosettaCpu"/> instead.</param>
    public static InstalledTensorflowReport Diagnose(PythonFacts python, IReadOnlyList<NativeBinary> binaries, IReadOnlySet<string> files, HostCpu? hostCpu = null)
    {
        var findings = new List<Finding>();
        if (python.RunsTranslated)
        {
            findings.Add(Finding.Error(FindingCodes.DoctorPythonUnderRosetta, python.Executable,
                $"This Python is x86_64{(python.UnderRosetta ? " and runs under Rosetta 2" : "")} on an arm64 Mac: {RosettaPython.Why(python.RunningMacos)}. To fix it, {RosettaPython.Remedy}, {BuildHint}."));
        }

        if (python.Tensorflow is null)
        {
            findings.Add(Finding.Warning(FindingCodes.DoctorNoTensorflow, python.Executable,
                $"No tensorflow package is installed for {python.Executable}; install a wheel for {python.HardwareArch} into it (pip install <wheel>), {BuildHint}."));
            return new InstalledTensorflowReport(python, binaries, findings, Verdict(python, findings));
        }

        // The binaries must suit this interpreter's architecture and, on macOS, the running OS version.
        var requirements = new VerifyRequirements(python.IsMacos ? "macos" : "linux", [python.Machine], python.RunningMacos) { AllowUniversal = true };
        var checks = BinaryChecks.Check(binaries, files, requirements).Select(Explain(python));
        var cpu = CpuOf(python, hostCpu);
        if (cpu is null)
        {
            findings.AddRange(checks);
            return new InstalledTensorflowReport(python, binaries, findings, Verdict(python, findings));
        }

        // Against a known CPU, the audit's platform-baseline findings give way to what this CPU lacks.
        findings.AddRange(checks.Where(f => f.Code is not (FindingCodes.IsaBaselineAboveCpu or FindingCodes.IsaDispatched)));
        findings.AddRange(CpuFitCheck.Check(binaries, cpu, python));
        var diagnosis = CpuFitCheck.Diagnosis(binaries, cpu, python);
        return new InstalledTensorflowReport(python, binaries, findings, diagnosis is null ? Verdict(python, findings) : CpuVerdict(python, cpu, diagnosis));
    }

    /// <summary>The CPU the interpreter's code runs on: Rosetta's for an x86_64 Python it translates, else this machine's when it is of the Python's family.</summary>
    private static HostCpu? CpuOf(PythonFacts python, HostCpu? hostCpu)
    {
        if (python.RunsTranslated)
        {
            return RosettaCpu.Cpu(python.RunningMacos);
        }

        return hostCpu is not null && IsaFeatures.ForArch(python.Machine) == hostCpu.Family ? hostCpu : null;
    }

    private static string CpuVerdict(PythonFacts python, HostCpu cpu, string diagnosis)
    {
        var remedy = python.RunsTranslated
            ? $"{RosettaPython.Remedy}, {BuildHint}"
            : $"install a TensorFlow built for this CPU, or build one with tfwheel and target.cpu: {CpuTargets.Highest(cpu.Family, cpu.Features)} (the highest level this CPU has all of; README \"Instruction sets\")";
        return $"{python.Executable}: {diagnosis}. To fix it, {remedy}.";
    }

    /// <summary>Rewrites wheel-oriented advice for a user who installed the package rather than built it.</summary>
    private static Func<Finding, Finding> Explain(PythonFacts python) => f => f.Code switch
    {
        FindingCodes.SeedX86InArm64 => f with
        {
            Message = $"The installed TensorFlow binary is x86_64 but this Python is arm64, so it cannot be loaded; and with an x86_64 Python, {RosettaPython.Why(python.RunningMacos)}. "
                + $"Uninstall it (pip uninstall tensorflow) and install an arm64 wheel (macosx_*_arm64), {BuildHint}.",
        },
        FindingCodes.MinOsAboveTag => f with
        {
            Message = f.Message[..f.Message.IndexOf(" but ", StringComparison.Ordinal)]
                + $" but this Mac runs macOS {python.RunningMacos}, so it fails to load. Update macOS, or install a TensorFlow wheel built for macOS {python.RunningMacos} or older, {BuildHint}.",
        },
        FindingCodes.ArchMissing or FindingCodes.ArchWrongFormat => f with
        {
            Message = $"The installed TensorFlow binary is {FormatOf(f)} but this Python is {python.Machine} on {(python.IsMacos ? "macOS" : "Linux")}, so it cannot be loaded. "
                + $"Reinstall TensorFlow from a wheel built for {(python.IsMacos ? "macosx" : "linux")} {python.Machine}, {BuildHint}.",
        },
        _ => f,
    };

    private static string FormatOf(Finding f) => f.Code == FindingCodes.ArchWrongFormat ? "for another operating system" : "for another CPU";

    private static string Verdict(PythonFacts python, IReadOnlyList<Finding> findings)
    {
        var where = python.IsMacos ? $"macOS on {python.HardwareArch}" : $"{python.System} on {python.HardwareArch}";
        var tf = python.Tensorflow is null ? "no TensorFlow installed" : $"TensorFlow {python.TensorflowVersion ?? "(version unknown)"} at {python.Tensorflow}";
        if (findings.Any(f => f.Code is FindingCodes.DoctorPythonUnderRosetta or FindingCodes.SeedX86InArm64))
        {
            return $"{python.Executable} ({python.Machine}, {where}, {tf}): this is the Rosetta 'Illegal instruction' setup: {RosettaPython.Remedy}, {BuildHint}.";
        }

        return findings.Any(f => f.Severity == Severity.Error)
            ? $"{python.Executable} ({python.Machine}, {where}, {tf}): its TensorFlow will not load; see the errors above."
            : $"{python.Executable} ({python.Machine}, {where}, {tf}): the native binaries match this Python.";
    }
}
