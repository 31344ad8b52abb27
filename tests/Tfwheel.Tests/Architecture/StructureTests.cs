using System.Reflection;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Architecture;

/// <summary>The layout README promises: stages as namespaces that depend one way, one name per concept.</summary>
public sealed class StructureTests
{
    private static readonly Assembly App = typeof(BuildContext).Assembly;

    [Fact]
    public void Namespaces_of_the_build_program_form_no_cycle()
    {
        var cycles = NamespaceGraph.Of(App, "Tfwheel").Cycles();
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Stage_namespaces_do_not_use_the_composition_root_or_the_tasks()
    {
        var graph = NamespaceGraph.Of(App, "Tfwheel");
        var offenders = graph.Edges
            .Where(kv => kv.Key is not ("Tfwheel" or "Tfwheel.Tasks"))
            .SelectMany(kv => kv.Value.Where(to => to is "Tfwheel" or "Tfwheel.Tasks").Select(to => $"{kv.Key} -> {to}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void No_two_types_share_a_simple_name()
    {
        var clashes = App.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Tfwheel", StringComparison.Ordinal) == true && !t.IsNested && !t.Name.StartsWith('<'))
            .GroupBy(t => t.Name.Split('`')[0])
            .Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(t => t.FullName)))
            .ToList();
        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
    }

    [Fact]
    public void The_graph_reader_sees_a_real_dependency()
    {
        // Guards the test above against a reader that finds nothing: Tasks certainly use Verify.
        var graph = NamespaceGraph.Of(App, "Tfwheel");
        Assert.Contains("Tfwheel.Verify", graph.Edges["Tfwheel.Tasks"]);
        Assert.Contains("Tfwheel.Verify.Binaries", graph.Edges["Tfwheel.Verify.Archive"]);
    }

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var build = Path.Combine(ProjectFiles.Root, "build");
        var wrong = Directory.EnumerateFiles(build, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Frosting{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "Program.cs")
            .Select(f => (File: Path.GetRelativePath(build, f), Expected: Expected(Path.GetRelativePath(build, Path.GetDirectoryName(f)!)), Text: File.ReadAllText(f)))
            .Where(x => !x.Text.Contains($"namespace {x.Expected};", StringComparison.Ordinal))
            .Select(x => $"{x.File}: expected namespace {x.Expected}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        static string Expected(string folder) =>
            folder == "." ? "Tfwheel" : "Tfwheel." + folder.Replace(Path.DirectorySeparatorChar, '.');
    }
}
