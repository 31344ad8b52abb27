namespace Tfwheel.Verify.Binaries;

/// <summary>
/// A header field points outside the bytes that hold it. Internal to the readers: they catch it and turn
/// it into a <see cref="NativeBinary.Problems"/> entry, so hostile input becomes a finding, never a crash.
/// </summary>
internal sealed class MalformedBinaryException(string message) : Exception(message);
