namespace Tfwheel.Wheels;

/// <summary>Doctor --python: the interpreter, its TensorFlow's native binaries, findings and a plain-words verdict.</summary>
public sealed record InstalledTensorflowReport(PythonFacts Python, IReadOnlyList<NativeBinary> Binaries, IReadOnlyList<Finding> Findings, string Verdict)
{
    public bool Ok => Findings.All(f => f.Severity != Severity.Error);
}
