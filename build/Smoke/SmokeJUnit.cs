using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Tfwheel.Files;

namespace Tfwheel.Smoke;

/// <summary>
/// Writes smoke.junit.xml for CI test reporting, in the common JUnit schema: a wrong result is a
/// &lt;failure&gt;; a crash, timeout, import failure or error is an &lt;error&gt;; a skip is &lt;skipped&gt;.
/// </summary>
public static class SmokeJUnit
{
    public static void Write(SmokeReport report, string path) => AtomicFile.WriteAllText(path, Render(report));

    public static string Render(SmokeReport report)
    {
        var cases = report.Workloads.Select(Case).ToList();
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "smoke " + Path.GetFileName(report.Wheel)),
            new XAttribute("tests", report.Workloads.Count),
            new XAttribute("failures", report.Workloads.Count(w => w.Outcome == SmokeOutcome.WrongResult)),
            new XAttribute("errors", report.Workloads.Count(w => w.Failed && w.Outcome != SmokeOutcome.WrongResult)),
            new XAttribute("skipped", report.Workloads.Count(w => w.Outcome == SmokeOutcome.Skipped)),
            new XAttribute("time", Seconds(report.Duration)),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        using var writer = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, CheckCharacters = false }))
        {
            document.Save(xml);
        }

        return writer + "\n";
    }

    private static XElement Case(WorkloadResult workload)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", "smoke"),
            new XAttribute("name", workload.Name),
            new XAttribute("time", Seconds(workload.Duration)));
        var detail = string.Join("\n", workload.MlirLines.Concat(workload.StandardErrorTail).Select(Clean));
        switch (workload.Outcome)
        {
            case SmokeOutcome.Passed:
                break;
            case SmokeOutcome.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", Clean(workload.Note))));
                break;
            case SmokeOutcome.WrongResult:
                element.Add(new XElement("failure", new XAttribute("message", Clean(workload.Note)), new XAttribute("type", "wrong result"), detail));
                break;
            default:
                element.Add(new XElement("error", new XAttribute("message", Clean(workload.Note)), new XAttribute("type", SmokeReport.Describe(workload.Outcome)), detail));
                break;
        }

        if (workload.ResultLine is not null)
        {
            element.Add(new XElement("system-out", Clean(workload.ResultLine)));
        }

        if (workload.StandardErrorTail.Count > 0)
        {
            element.Add(new XElement("system-err", string.Join("\n", workload.StandardErrorTail.Select(Clean))));
        }

        return element;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold most control characters; a crashing process can print anything.</summary>
    private static string Clean(string text) =>
        new(text.Select(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF') ? c : '?').ToArray());

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
