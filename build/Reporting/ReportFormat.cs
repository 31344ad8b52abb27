namespace Tfwheel.Reporting;

/// <summary>How Plan, Doctor and Verify print their report (--format=text|json).</summary>
public enum ReportFormat
{
    Text,
    Json,
}
