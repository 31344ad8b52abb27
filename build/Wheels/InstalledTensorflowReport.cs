using Tfwheel.Hosting;
namespace Tfwheel.Wheels;

/// <summary>Doctor --python: the interpreter, its TensorFlow's native binaries, findings and a plain-words verdict.</summary>
public sealed record InstalledTensorflowReport(PythonFacts Python, IReadOnlyList<NativeBinary> Binaries, IReadOnlyList<Finding> Findings, string Verdict)
{
    public bool Ok => Findings.All(f => f.Severity != Severity.Error);

    /// <summary>The binary table, the findings by severity, then the verdict in plain words.</summary>
    public void WriteText(TextWriter output)
    {
        output.WriteLine($"Installed TensorFlow for {Python.Executable}");
        BinaryTable.Write(Binaries, output);
        VerifyReportWriter.WriteFindings(Findings, Python.Tensorflow ?? Python.Executable, output);
        output.WriteLine();
        output.WriteLine($"Verdict: {Verdict}");
    }
}
