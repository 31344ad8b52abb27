namespace Tfwheel.Smoke;

/// <summary>The verdict over all workloads: any failure fails the run; skipped workloads never count as passed.</summary>
public enum SmokeVerdict
{
    Passed,
    Failed,
    Skipped,
}
