using Tfwheel.Bench;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = benchmarks.FirstOrDefault(b => args.Length > 0 && b.Name == args[0]);
if (chosen is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/Tfwheel.Bench -- NAME [ARGS]");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-16} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

return await chosen.RunAsync(args.Skip(1).ToList());
