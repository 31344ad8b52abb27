using Cake.Core.Configuration;
using Tfwheel.Errors;

namespace Tfwheel.Files;

/// <summary>
/// The project's own settings in cake.config, section [tfwheel], read through Cake's configuration. As for
/// every Cake setting, an environment variable CAKE_TFWHEEL_ARTIFACTS etc. supplies a key the file leaves out
/// (Cake's CakeConfigurationProvider reads CAKE_* variables first, then lets the file overwrite them).
/// Command-line flags win over both: --artifacts-dir, --source-dir, --recipe.
/// </summary>
/// <param name="Artifacts">The folder that holds artifacts/&lt;recipe&gt;/ (relative to the project root).</param>
/// <param name="Work">The work folder: fetched trees go to &lt;work&gt;/src/&lt;recipe&gt;.</param>
/// <param name="Recipe">The recipe when --recipe is not given (default: the built-in one for this host).</param>
public sealed record ProjectSettings(string Artifacts = "artifacts", string Work = ".work", string? Recipe = null)
{
    public const string Section = "tfwheel";

    public static ProjectSettings Default { get; } = new();

    public static ProjectSettings From(ICakeConfiguration configuration)
    {
        string? Value(string key)
        {
            var value = configuration.GetValue($"{Section}_{key}")?.Trim();
            if (value is not null && value.Any(char.IsControl))
            {
                throw new UsageException($"cake.config: [{Section}] {key} holds a control character: write a plain path or name.");
            }

            return string.IsNullOrEmpty(value) ? null : value;
        }

        return new ProjectSettings(Value("artifacts") ?? Default.Artifacts, Value("work") ?? Default.Work, Value("recipe"));
    }
}
