namespace Tfwheel.Doctor;

/// <summary>A path on the build host that one of TensorFlow's release configs hard-codes.</summary>
/// <param name="Config">The config that needs it, as the recipe names it (release_cpu_linux).</param>
/// <param name="Os">"linux" or "macos": the host OS the config is for.</param>
/// <param name="Path">The path the config points at.</param>
/// <param name="Variable">The variable the config sets to it; a recipe setting that variable itself (bazel.repo-env / action-env) overrides the path.</param>
/// <param name="Why">What the config uses it for, with the TF source.</param>
/// <param name="Remedy">What to do without it.</param>
public sealed record ReleaseConfigPath(string Config, string Os, string Path, string Variable, string Why, string Remedy);
