namespace Tfwheel.Publish;

/// <summary>What verify.json or smoke.json says about the wheel being published.</summary>
public enum ReportVerdict
{
    /// <summary>ok: true, and the report names this wheel's SHA-256.</summary>
    Passed,

    /// <summary>ok: false for this wheel.</summary>
    Failed,

    /// <summary>No report, or one that cannot be read.</summary>
    Missing,

    /// <summary>The report judged another file (its wheel.sha256 differs, or it names none): this wheel was never checked.</summary>
    OtherWheel,
}
