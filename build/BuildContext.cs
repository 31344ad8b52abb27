using System.Collections.Concurrent;
using Cake.Core;
using Cake.Frosting;
using Tfwheel.Bazel;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>
/// The one context every task gets. Built once from the command line and environment; the recipe is
/// resolved on first use (Doctor and a standalone Verify do not need one).
/// </summary>
public sealed class BuildContext : FrostingContext
{
    private readonly Lazy<Recipe> _recipe;
    private readonly Lazy<CompileHost> _compileHost;
    private readonly Lazy<bool> _sourceUnchanged;
    private readonly ConcurrentDictionary<string, TimeSpan> _stageDurations = new(StringComparer.Ordinal);

    public BuildContext(ICakeContext context, BuildCancellation cancellation)
        : base(context)
    {
        Options = BuildOptions.From(context.Arguments);
        Root = context.Environment.WorkingDirectory.FullPath;
        Cancellation = cancellation.Token;
        Processes = new ProcessGateway(context.Log);
        Host = HostPlatform.Current;
        Ci = CiEnvironment.From(context.Environment.GetEnvironmentVariables());
        var bazel = context.Environment.GetEnvironmentVariable("BAZEL");
        _recipe = new Lazy<Recipe>(() => RecipeResolver.Resolve(Options, Root, Host, bazel));
        _compileHost = new Lazy<CompileHost>(() => CompileHost.Current(Interpreter ?? "python3"));
        _sourceUnchanged = new Lazy<bool>(() =>
            CompileStages.UnchangedInputsAsync(Recipe, Paths, CompileHost, Processes, Cancellation, context.Log).GetAwaiter().GetResult() is not null);
    }

    public BuildOptions Options { get; }

    /// <summary>The project root: the working directory (see --working).</summary>
    public string Root { get; }

    public CancellationToken Cancellation { get; }

    public IProcessGateway Processes { get; }

    public HostPlatform Host { get; }

    public CiEnvironment Ci { get; }

    public Recipe Recipe => _recipe.Value;

    /// <summary>--python when it names an interpreter (a path or command) rather than a version.</summary>
    public string? Interpreter => Options.Python is { } p && !RecipeResolver.IsVersion(p) ? p : null;

    /// <summary>The host facts Configure and Compile plan with (PYTHON_BIN_PATH, the home folder for "~").</summary>
    public CompileHost CompileHost => _compileHost.Value;

    /// <summary>
    /// Whether this run makes the wheel. Not when --wheel names one: Verify, Smoke and Publish then work on
    /// that file, and building TensorFlow first (or even resolving a recipe) would be wrong.
    /// </summary>
    public bool BuildsWheel => Options.Wheel is null;

    /// <summary>
    /// Whether Fetch, Patch and Configure can be skipped: the input stamp they left still matches the
    /// recipe, the patches and the tree. Decided once per run, so the three agree.
    /// </summary>
    public bool SourceUnchanged => _sourceUnchanged.Value;

    /// <summary>How long each stage took in this run, for the manifest.</summary>
    public IReadOnlyDictionary<string, TimeSpan> StageDurations => _stageDurations;

    /// <summary>
    /// Writes a task's product (Plan's plan, Doctor's and Verify's reports) to standard output as is: no log
    /// colours or prefixes, and present whatever the verbosity, so it can be piped or parsed.
    /// </summary>
    public void Report(string text)
    {
        Console.Out.WriteLine(text);
        Console.Out.Flush();
    }

    public void RecordStage(string stage, TimeSpan duration) => _stageDurations[stage] = duration;

    public BuildPaths Paths => BuildPaths.For(Root, Recipe.Name, Options.SourceDir, Options.ArtifactsDir);
}
