using System.Globalization;
using System.Text;
using Tfwheel.Reporting;

namespace Tfwheel.Report;

/// <summary>The kind of a GitHub Actions annotation.</summary>
public enum AnnotationLevel
{
    Notice,
    Warning,
    Error,
}

/// <summary>
/// tfwheel's side of GitHub Actions: annotations written raw to standard output at the start of a line (the
/// runner only sees a workflow command that begins the line, so never through the coloured Cake log), the
/// step summary (Markdown appended to GITHUB_STEP_SUMMARY) and step outputs (appended to GITHUB_OUTPUT).
/// Does nothing outside GitHub Actions.
/// </summary>
public sealed class ActionsReporter(CiEnvironment ci, TextWriter stdout, string root)
{
    public bool Enabled => ci.GitHubActions;

    /// <summary>Starts a fold in the log (::group::), written raw so the runner sees it whatever the log's colours.</summary>
    public void Group(string title)
    {
        if (Enabled)
        {
            stdout.WriteLine("::group::" + GitHubActions.Escape(title));
            stdout.Flush();
        }
    }

    public void EndGroup()
    {
        if (Enabled)
        {
            stdout.WriteLine("::endgroup::");
            stdout.Flush();
        }
    }

    /// <param name="file">A path; written relative to GITHUB_WORKSPACE (or the project root) when it lies inside it.</param>
    public void Annotate(AnnotationLevel level, string message, string? title = null, string? file = null, int line = 0, int column = 0)
    {
        if (!Enabled)
        {
            return;
        }

        var properties = new List<string>();
        if (file is not null)
        {
            properties.Add("file=" + GitHubActions.EscapeProperty(Relative(file)));
            if (line > 0)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={line}"));
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={Math.Max(1, column)}"));
            }
        }

        if (title is not null)
        {
            properties.Add("title=" + GitHubActions.EscapeProperty(title));
        }

        var command = level.ToString().ToLowerInvariant();
        var props = properties.Count > 0 ? " " + string.Join(",", properties) : "";
        stdout.WriteLine($"::{command}{props}::{GitHubActions.Escape(message)}");
        stdout.Flush();
    }

    public void Summary(string markdown)
    {
        if (Enabled && ci.StepSummaryPath is { } path)
        {
            File.AppendAllText(path, markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
    }

    /// <summary>One step output (`name=value`; a value with a line break uses the runner's delimiter form).</summary>
    public void Output(string name, string value)
    {
        if (!Enabled || ci.OutputPath is not { } path)
        {
            return;
        }

        var text = new StringBuilder();
        if (value.Contains('\n') || value.Contains('\r'))
        {
            var delimiter = "tfwheel_" + Guid.NewGuid().ToString("N");
            text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
        }
        else
        {
            text.Append(name).Append('=').Append(value).Append('\n');
        }

        File.AppendAllText(path, text.ToString());
    }

    private string Relative(string file)
    {
        var full = Path.GetFullPath(file, root);
        var relative = Path.GetRelativePath(Path.GetFullPath(ci.Workspace ?? root), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }
}
