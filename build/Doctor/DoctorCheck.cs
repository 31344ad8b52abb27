namespace Tfwheel.Doctor;

/// <summary>One line of Doctor's report: what was checked, what was found and, unless it is fine, what to do.</summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Found, string? Remedy = null);
