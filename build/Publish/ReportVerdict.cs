namespace Tfwheel.Publish;

/// <summary>What a wheel's verify-cpXY.json or smoke-cpXY.json says about it.</summary>
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
