namespace Tfwheel.Doctor;

/// <summary>All of Doctor's checks and the verdict: a host is ready when nothing blocks.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks)
{
    public bool Ready => Checks.All(c => c.Status != DoctorStatus.Blocking);
}
