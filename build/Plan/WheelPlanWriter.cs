using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Plan;

/// <summary>Prints a <see cref="WheelPlan"/> for people (an aligned report) or as one JSON document.</summary>
public static class WheelPlanWriter
{
    public static string ToText(WheelPlan plan)
    {
        var r = plan.Recipe;
        var text = new StringBuilder();
        text.AppendLine($"Plan for recipe {r.Name}: {r.Description}");
        Row(text, "recipe files", string.Join(" -> ", r.Files));
        Row(text, "tensorflow", $"{r.Tensorflow.Repository} @ {r.Tensorflow.Ref}" + (r.Tensorflow.Commit is { } c ? $" (pinned {c})" : " (not pinned)") + $", version {r.Tensorflow.Version}");
        Row(text, "target", $"{r.Target.Os.ToString().ToLowerInvariant()} {r.Target.ArchTag}, min-os {r.Target.MinOs ?? "-"}, wheel tag{(r.Pythons.Count > 1 ? "s" : "")} {string.Join(", ", r.PerPython.Select(p => $"{p.PythonTag}-{p.PythonTag}-{TargetWheelTags.Final(r.Target)}"))}");
        Row(text, "cpu", r.Target.Cpu is { } cpu ? $"{cpu} ({string.Join(" ", Compile.CpuCompileFlags.For(r.Target))})" : "- (the compiler's default)");
        Row(text, "python", string.Join(", ", r.Pythons) + (r.Pythons.Count > 1 ? " (one tree and bazel output base; bazel builds once per version)" : ""));
        Row(text, "source tree", plan.Paths.Source);
        Row(text, "artifacts", plan.Paths.Artifacts);
        var number = 0;
        foreach (var step in plan.Steps)
        {
            text.AppendLine();
            text.AppendLine($"{++number}. {step.Name}: {step.Description}");
            if (step.Argv.Count > 0)
            {
                Row(text, "  run", CommandLine.Format(step.Argv[0], step.Argv.Skip(1)));
            }

            if (step.Cwd is not null)
            {
                Row(text, "  in", step.Cwd);
            }

            foreach (var (name, value) in step.Env)
            {
                Row(text, "  env", $"{name}={value}");
            }

            foreach (var (path, content) in step.Files)
            {
                Row(text, "  writes", path);
                foreach (var line in content.TrimEnd('\n').Split('\n'))
                {
                    text.AppendLine($"      | {line}");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("Smoke environment:");
        foreach (var (name, value) in plan.SmokeEnvironment)
        {
            Row(text, "  env", $"{name}={value}");
        }

        text.AppendLine("Artifacts:");
        foreach (var (label, path) in plan.Artifacts)
        {
            Row(text, "  " + label, path);
        }

        return text.ToString();
    }

    public static string ToJson(WheelPlan plan, JsonNode recipeJson)
    {
        var r = plan.Recipe;
        var doc = new JsonObject
        {
            ["recipe"] = new JsonObject
            {
                ["name"] = r.Name,
                ["description"] = r.Description,
                ["files"] = Array(r.Files),
                ["resolved"] = recipeJson,
            },
            ["tensorflow"] = new JsonObject
            {
                ["repository"] = r.Tensorflow.Repository,
                ["ref"] = r.Tensorflow.Ref,
                ["commit"] = r.Tensorflow.Commit,
                ["version"] = r.Tensorflow.Version,
            },
            ["target"] = new JsonObject
            {
                ["os"] = r.Target.Os.ToString().ToLowerInvariant(),
                ["arch"] = r.Target.ArchTag,
                ["minOs"] = r.Target.MinOs,
                ["platformTag"] = TargetWheelTags.Final(r.Target),
                ["bazelPlatformTag"] = TargetWheelTags.Built(r.Target),
                ["cpu"] = r.Target.Cpu,
                ["cpuFlags"] = Array(Compile.CpuCompileFlags.For(r.Target)),
            },
            ["paths"] = new JsonObject { ["source"] = plan.Paths.Source, ["artifacts"] = plan.Paths.Artifacts },
            ["steps"] = new JsonArray([.. plan.Steps.Select(Step)]),
            ["smoke"] = new JsonObject { ["env"] = Map(plan.SmokeEnvironment) },
            ["artifacts"] = Map(plan.Artifacts),
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Step(PlannedStep step) => new()
    {
        ["name"] = step.Name,
        ["description"] = step.Description,
        ["argv"] = Array(step.Argv),
        ["cwd"] = step.Cwd,
        ["env"] = Map(step.Env),
        ["files"] = Map(step.Files),
    };

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

    private static JsonObject Map(IReadOnlyDictionary<string, string> items) =>
        new(items.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));

    private static void Row(StringBuilder text, string label, string value) => text.AppendLine($"{label,-14} {value}");
}
