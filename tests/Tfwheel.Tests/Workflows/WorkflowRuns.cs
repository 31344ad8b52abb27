using YamlDotNet.RepresentationModel;

namespace Tfwheel.Tests.Workflows;

/// <summary>One job a workflow run would start: which recipe it builds and on which runner label.</summary>
internal sealed record JobInstance(string Job, string Recipe, string Runner);

/// <summary>
/// Which jobs a workflow file starts for an event, read with YamlDotNet and evaluated with
/// <see cref="WorkflowExpression"/>: the job's `if` (decided before its matrix, as on GitHub), each
/// `strategy.matrix.include` entry, `runs-on`, and the recipe from `env.RECIPE`; a job that calls a
/// reusable workflow (`uses: ./.github/workflows/x.yml`) is followed into that file with its `with:` as inputs.
/// </summary>
internal static class WorkflowRuns
{
    public static IReadOnlyList<JobInstance> For(string workflow, string eventName, IReadOnlyDictionary<string, string> inputs)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal) { ["github.event_name"] = eventName };
        foreach (var (name, value) in inputs)
        {
            context["inputs." + name] = value is "true" or "false" ? value == "true" : value;
        }

        return Jobs(workflow, context);
    }

    public static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    public static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return node;
    }

    public static string? Scalar(YamlNode? node, params string[] path) => (Get(node, path) as YamlScalarNode)?.Value;

    private static List<JobInstance> Jobs(string workflow, Dictionary<string, object?> context)
    {
        var root = Load(workflow);
        var instances = new List<JobInstance>();
        foreach (var (key, job) in ((YamlMappingNode)Get(root, "jobs")!).Children)
        {
            if (!WorkflowExpression.Condition(Scalar(job, "if"), context))
            {
                continue;
            }

            foreach (var matrix in MatrixEntries(job))
            {
                var scope = new Dictionary<string, object?>(context);
                foreach (var (name, value) in matrix)
                {
                    scope["matrix." + name] = value;
                }

                instances.AddRange(Scalar(job, "uses") is { } uses ? Called(workflow, uses, job, scope) : [Instance(((YamlScalarNode)key).Value!, job, scope)]);
            }
        }

        return instances;
    }

    private static IEnumerable<JobInstance> Called(string workflow, string uses, YamlNode job, Dictionary<string, object?> scope)
    {
        Assert.StartsWith("./.github/workflows/", uses);
        var called = Path.Combine(Path.GetDirectoryName(workflow)!, Path.GetFileName(uses));
        var inner = new Dictionary<string, object?>(StringComparer.Ordinal) { ["github.event_name"] = scope["github.event_name"] };
        foreach (var (name, value) in (Get(job, "with") as YamlMappingNode)?.Children.ToList() ?? [])
        {
            inner["inputs." + ((YamlScalarNode)name).Value] = WorkflowExpression.Interpolate(((YamlScalarNode)value).Value ?? "", scope);
        }

        return Jobs(called, inner);
    }

    private static JobInstance Instance(string name, YamlNode job, Dictionary<string, object?> scope) => new(
        name,
        WorkflowExpression.Text(WorkflowExpression.Interpolate(Scalar(job, "env", "RECIPE") ?? throw new InvalidOperationException($"job {name} sets no env.RECIPE"), scope)),
        WorkflowExpression.Text(WorkflowExpression.Interpolate(Scalar(job, "runs-on") ?? throw new InvalidOperationException($"job {name} has no runs-on"), scope)));

    private static IEnumerable<IReadOnlyDictionary<string, string>> MatrixEntries(YamlNode job)
    {
        if (Get(job, "strategy", "matrix") is not YamlMappingNode matrix)
        {
            return [new Dictionary<string, string>()];
        }

        Assert.True(matrix.Children.Count == 1 && Get(matrix, "include") is YamlSequenceNode, "only a static matrix.include is understood here");
        return ((YamlSequenceNode)Get(matrix, "include")!).Children.Select(e => (IReadOnlyDictionary<string, string>)((YamlMappingNode)e).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!));
    }
}
