namespace Tfwheel.Doctor;

/// <summary>A check's verdict. Blocking means a build on this host would fail or produce a wrong wheel.</summary>
public enum DoctorStatus
{
    Ok,
    Warning,
    Blocking,
}
