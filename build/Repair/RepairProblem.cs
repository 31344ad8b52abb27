namespace Tfwheel.Repair;

/// <summary>One reason a binary keeps a wheel from its manylinux tag.</summary>
/// <param name="Path">The binary's path inside the wheel.</param>
/// <param name="Text">What it needs and why the policy refuses it, as a sentence following the path.</param>
/// <param name="AcceptingFloor">The lowest glibc floor whose policy accepts this need ("2.26"), or null when none tfwheel knows does.</param>
/// <param name="Library">For a library the system does not provide: its soname.</param>
public sealed record RepairProblem(string Path, string Text, string? AcceptingFloor, string? Library = null);
