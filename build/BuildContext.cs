using Cake.Core;
using Cake.Frosting;
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

    public BuildContext(ICakeContext context, BuildCancellation cancellation)
        : base(context)
    {
        Options = BuildOptions.From(context.Arguments);
        Root = context.Environment.WorkingDirectory.FullPath;
        Cancellation = cancellation.Token;
        Processes = new ProcessGateway(context.Log);
        Host = HostPlatform.Current;
        Ci = CiEnvironment.From(context.Environment.GetEnvironmentVariables());
        _recipe = new Lazy<Recipe>(() => RecipeResolver.Resolve(Options, Root, Host));
    }

    public BuildOptions Options { get; }

    /// <summary>The project root: the working directory (see --working).</summary>
    public string Root { get; }

    public CancellationToken Cancellation { get; }

    public IProcessGateway Processes { get; }

    public HostPlatform Host { get; }

    public CiEnvironment Ci { get; }

    public Recipe Recipe => _recipe.Value;

    public bool RecipeResolved => _recipe.IsValueCreated;

    public BuildPaths Paths => BuildPaths.For(Root, Recipe.Name, Options.SourceDir, Options.ArtifactsDir);
}
