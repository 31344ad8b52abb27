using System.Collections.Immutable;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Turns the merged, shape-checked tree into a <see cref="Recipe"/>: fills built-in defaults (the records'
/// own initial values) for keys no layer set, checks every value's meaning, and resolves paths.
/// Returns null when it added problems.
/// </summary>
internal sealed class RecipeBinder(RecipeTreeReader tree, string projectRoot, List<RecipeProblem> problems, IReadOnlySet<string> dropped)
{
    private readonly RecipeRules _rules = new(tree, problems);

    public Recipe? Bind(string defaultName, SourceMark rootMark, IReadOnlyList<string> files)
    {
        var before = problems.Count;
        var repository = Required("tensorflow.repository", rootMark);
        var gitRef = Required("tensorflow.ref", rootMark);
        var version = Required("tensorflow.version", rootMark);
        var pythons = Pythons(rootMark);
        var os = Required("target.os", rootMark);
        var arch = Required("target.arch", rootMark);
        if (problems.Count > before || pythons.Count == 0)
        {
            return null; // a python list dropped by the shape check was reported there
        }

        var recipe = new Recipe
        {
            Name = tree.Text("name", defaultName),
            Description = tree.Text("description", ""),
            Files = files,
            Tensorflow = new TensorflowSource(repository!, gitRef!, tree.Text("tensorflow.commit"), version!),
            Python = pythons[0],
            Pythons = pythons,
            Target = CpuRules.Resolve(tree, new TargetPlatform(RecipeEnums.Os(os!), RecipeEnums.Arch(arch!), tree.Text("target.min-os"))),
            Bazel = BindBazel(),
            Configure = new ConfigureSettings
            {
                Env = Map("configure.env", new ConfigureSettings().Env),
                TimeoutSeconds = tree.Integer("configure.timeout-seconds", new ConfigureSettings().TimeoutSeconds),
            },
            Accelerate = BindAccelerate(),
            Mlir = BindMlir(),
            Patches = tree.Has("patches") ? new RecipePathRules(projectRoot, problems).Patches(tree.Items("patches")) : [],
            Wheel = new WheelSettings
            {
                Name = tree.Text("wheel.name", new WheelSettings().Name),
                VersionSuffix = tree.Text("wheel.version-suffix", new WheelSettings().VersionSuffix),
            },
            Verify = BindVerify(),
            Smoke = BindSmoke(),
            Publish = BindPublish(),
        };

        recipe = RecipePlaceholders.ExpandEnvironments(recipe with
        {
            Templates = new EnvironmentTemplates(
                recipe.Bazel.RepoEnv.ToImmutableSortedDictionary(StringComparer.Ordinal),
                recipe.Bazel.ActionEnv.ToImmutableSortedDictionary(StringComparer.Ordinal),
                recipe.Configure.Env.ToImmutableSortedDictionary(StringComparer.Ordinal)),
        });
        _rules.CheckAll(recipe, rootMark);
        new CpuRules(tree, problems).Check(recipe.Target);
        return problems.Count > before ? null : recipe;
    }

    /// <summary>python: one version or a list of them; an empty list or a repeated version is a problem at its line.</summary>
    private IReadOnlyList<string> Pythons(SourceMark rootMark)
    {
        if (tree.Node("python") is not RecipeSequence sequence)
        {
            return Required("python", rootMark) is { } one ? [one] : [];
        }

        var versions = new List<string>();
        foreach (var item in tree.Items("python"))
        {
            if (versions.Contains(item.Text, StringComparer.Ordinal))
            {
                problems.Add(item.Mark.Problem($"'python' lists {item.Text} twice; list each version once"));
            }
            else
            {
                versions.Add(item.Text);
            }
        }

        if (versions.Count == 0)
        {
            problems.Add(sequence.Mark.Problem("'python' is an empty list; list at least one version, e.g. python: [\"3.11\", \"3.12\"]"));
        }

        return versions;
    }

    private string? Required(string path, SourceMark rootMark)
    {
        var value = tree.Text(path);
        if (value is null && !dropped.Contains(path))
        {
            var mark = tree.Has(path) ? tree.Node(path)!.Mark : tree.NearestSectionMark(path) ?? rootMark;
            mark = mark.Line == 0 && rootMark.Line > 0 ? rootMark : mark;
            problems.Add(mark.Problem($"missing required value '{path}' (set it in this recipe, in one it extends, or with --set {path}=...)"));
        }

        return value;
    }

    private BazelSettings BindBazel()
    {
        var defaults = new BazelSettings();
        return new BazelSettings
        {
            Version = tree.Has("bazel.version") ? tree.Text("bazel.version") : defaults.Version,
            Executable = tree.Text("bazel.executable", defaults.Executable),
            StartupOptions = List("bazel.startup-options", defaults.StartupOptions),
            Configs = List("bazel.configs", defaults.Configs),
            Options = List("bazel.options", defaults.Options),
            RepoEnv = Map("bazel.repo-env", defaults.RepoEnv),
            ActionEnv = Map("bazel.action-env", defaults.ActionEnv),
            Jobs = tree.Text("bazel.jobs", defaults.Jobs),
            DiskCache = tree.Has("bazel.disk-cache") ? tree.Text("bazel.disk-cache") : defaults.DiskCache,
            Remote = new RemoteSettings
            {
                Cache = tree.Text("bazel.remote.cache"),
                Executor = tree.Text("bazel.remote.executor"),
                InstanceName = tree.Text("bazel.remote.instance-name"),
                HeaderEnv = Map("bazel.remote.header-env", defaults.Remote.HeaderEnv),
                Download = tree.Text("bazel.remote.download") is { } d ? RecipeEnums.Download(d) : defaults.Remote.Download,
            },
        };
    }

    private AccelerateSettings BindAccelerate()
    {
        var defaults = new AccelerateSettings();
        return new AccelerateSettings
        {
            Enabled = tree.Flag("accelerate.enabled", defaults.Enabled),
            Mode = tree.Text("accelerate.mode") is { } m ? RecipeEnums.AccelerateMode(m) : defaults.Mode,
            NewLapack = tree.Flag("accelerate.new-lapack", defaults.NewLapack),
        };
    }

    private MlirSettings BindMlir()
    {
        var defaults = new MlirSettings();
        return new MlirSettings
        {
            Bridge = tree.Text("mlir.bridge") is { } b ? RecipeEnums.Bridge(b) : defaults.Bridge,
            XlaFlags = List("mlir.xla-flags", defaults.XlaFlags),
            PassPipeline = tree.Text("mlir.pass-pipeline", defaults.PassPipeline),
            CrashReproducers = tree.Flag("mlir.crash-reproducers", defaults.CrashReproducers),
            DumpGraphs = tree.Flag("mlir.dump-graphs", defaults.DumpGraphs),
        };
    }

    private VerifySettings BindVerify()
    {
        var defaults = new VerifySettings();
        return new VerifySettings
        {
            Archs = List("verify.archs", defaults.Archs),
            AllowUniversal = tree.Flag("verify.allow-universal", defaults.AllowUniversal),
            RequireFrameworks = List("verify.require-frameworks", defaults.RequireFrameworks),
            MaxSizeMb = tree.Integer("verify.max-size-mb", defaults.MaxSizeMb),
        };
    }

    private SmokeSettings BindSmoke()
    {
        var defaults = new SmokeSettings();
        return new SmokeSettings
        {
            Workloads = tree.Has("smoke.workloads")
                ? new RecipePathRules(projectRoot, problems).Workloads(tree.Items("smoke.workloads"))
                : defaults.Workloads,
            TimeoutSeconds = tree.Integer("smoke.timeout-seconds", defaults.TimeoutSeconds),
            PipArgs = List("smoke.pip-args", defaults.PipArgs),
        };
    }

    private PublishSettings BindPublish()
    {
        var defaults = new PublishSettings();
        return new PublishSettings
        {
            Repository = tree.Has("publish.repository") ? tree.Text("publish.repository") : defaults.Repository,
            Tag = tree.Text("publish.tag", defaults.Tag),
            Draft = tree.Flag("publish.draft", defaults.Draft),
            Prerelease = tree.Flag("publish.prerelease", defaults.Prerelease),
            ApiUrl = tree.Text("publish.api-url", defaults.ApiUrl),
        };
    }

    private IReadOnlyList<string> List(string path, IReadOnlyList<string> fallback) =>
        tree.Has(path) ? tree.Items(path).Select(i => i.Text).ToImmutableArray() : fallback;

    private IReadOnlyDictionary<string, string> Map(string path, IReadOnlyDictionary<string, string> fallback) =>
        tree.Has(path)
            ? tree.Entries(path).ToImmutableSortedDictionary(e => e.Key.Text, e => ((RecipeScalar)e.Value).Text, StringComparer.Ordinal)
            : fallback;
}
