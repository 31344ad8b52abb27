namespace Cake.Frosting.Hosting;

/// <summary>Not part of Cake.Frosting 6: a task class's target name and description, read from its attributes.</summary>
public sealed record TaskSummary(string Name, string Description, Type Type);
