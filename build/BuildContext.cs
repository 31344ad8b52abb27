using System.Collections.Concurrent;
using Cake.Core;
using Cake.Frosting;
using Tfwheel.Cli;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Pipeline;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Publish;
using Tfwheel.Recipes;
using Tfwheel.Report;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>
/// The one context every task gets. Built once from the command line and environment; the recipe is
/// resolved on first use (Doctor and a standalone Verify do not need one).
/// </summary>
public sealed class BuildContext : FrostingContext
{
    private readonly Lazy<Recipe> _recipe;
    private ActionsReporter? _actions;
    private readonly Lazy<CompileHost> _compileHost;
    private readonly Lazy<bool> _sourceUnchanged;
    private readonly ConcurrentDictionary<string, TimeSpan> _stageDurations = new(StringComparer.Ordinal);

    public BuildContext(ICakeContext context, BuildCancellation cancellation)
        : base(context)
    {
        Options = BuildOptions.From(context.Arguments);
        foreach (var unknown in Options.Unknown)
        {
            context.Log.WarningText($"tfwheel: unknown option {unknown}; it is ignored (README lists the options).");
        }

        Root = context.Environment.WorkingDirectory.FullPath;
        Cancellation = cancellation.Token;
        Processes = new ProcessGateway(context.Log);
        Host = HostPlatform.Current;
        Ci = CiEnvironment.From(context.Environment.GetEnvironmentVariables());
        Settings = ProjectSettings.From(context.Configuration);
        var bazel = context.Environment.GetEnvironmentVariable("BAZEL");
        _recipe = new Lazy<Recipe>(() => RecipeResolver.Resolve(Options, Root, Host, bazel, Settings.Recipe));
        _compileHost = new Lazy<CompileHost>(() => CompileHost.Current(Interpreter ?? "python3"));
        _sourceUnchanged = new Lazy<bool>(() =>
        {
            var stamp = CompileStages.UnchangedInputsAsync(Recipe, Paths, CompileHost, Processes, Cancellation, context.Log).GetAwaiter().GetResult();
            if (stamp is not null)
            {
                context.Log.InfoText($"Fetch, Patch, Configure: skipped; recipe, patches and tree are unchanged since {stamp.Written:u} (commit {stamp.Commit})");
            }

            return stamp is not null;
        });
    }

    public BuildOptions Options { get; }

    /// <summary>The project root: the working directory (see --working).</summary>
    public string Root { get; }

    public CancellationToken Cancellation { get; }

    public IProcessGateway Processes { get; }

    public HostPlatform Host { get; }

    public CiEnvironment Ci { get; }

    /// <summary>cake.config's [tfwheel] section: artifacts and work folders, default recipe.</summary>
    public ProjectSettings Settings { get; }

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

    public BuildPaths Paths => BuildPaths.For(Root, Recipe.Name, Options.SourceDir, Options.ArtifactsDir, Settings);

    /// <summary>What Publish (and its preflight in <see cref="BuildLifetime"/>) works from: the recipe's publish settings and the run's flags.</summary>
    public PublishRequest PublishRequest() =>
        Publish.PublishRequest.FromRecipe(Recipe, Paths.Artifacts, Environment.GetEnvironmentVariable) with
        {
            AllowUnverified = Options.AllowUnverified,
            ReplaceAssets = Options.ReplaceAssets,
        };

    /// <summary>
    /// The run's GitHub Actions reporter. With --format=json stdout is the JSON document alone, so workflow commands
    /// go to stderr, which the runner reads for them too (actions/runner src/Runner.Worker/Handlers/ScriptHandler.cs:
    /// both streams feed an OutputManager with the ActionCommandManager).
    /// </summary>
    public ActionsReporter Actions => _actions ??= new(Ci, Options.Format == ReportFormat.Json ? Console.Error : Console.Out, Root);
}
