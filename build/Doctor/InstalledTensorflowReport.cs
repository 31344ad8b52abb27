using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tfwheel.Verify;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Doctor;

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

    /// <summary>The same for machines: the interpreter, its tensorflow (null when none), binaries and findings as Verify writes them, the verdict.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteBoolean("ok", Ok);
            j.WriteString("python", Python.Executable);
            j.WriteString("pythonVersion", Python.Version);
            j.WriteString("machine", Python.Machine);
            j.WriteString("tensorflow", Python.Tensorflow);
            j.WriteString("tensorflowVersion", Python.TensorflowVersion);
            VerifyReportWriter.WriteBinaries(j, Binaries);
            VerifyReportWriter.WriteFindings(j, Findings);
            j.WriteString("verdict", Verdict);
            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
