namespace Cake.Frosting;

/// <summary>Settings given to the <see cref="CakeHost"/> in code rather than on the command line.</summary>
internal sealed record HostDefaults(string? WorkingDirectory);
