namespace Tfwheel.Doctor;

/// <summary>
/// The host paths TensorFlow's release configs assume (tensorflow/tensorflow .bazelrc
/// @0071ad1d1f9e35ead7169c50dbe754ce5c27cae1). The Linux ones describe TF's CI containers, the ml-build
/// images (ci/official/envs/linux_x86, linux_arm64: TFCI_DOCKER_ENABLE=1): release_linux_base sets
/// CC/BAZEL_COMPILER=/usr/lib/llvm-18/bin/clang and --python_path=/usr/bin/python3, release_cpu_linux
/// adds TF_SYSROOT=/dt9 (the sysroot that keeps the wheel at glibc 2.17). The macOS one is
/// release_macos_base's DEVELOPER_DIR=/Applications/Xcode.app/Contents/Developer: Command Line Tools
/// alone do not provide it.
/// </summary>
public static class ReleaseConfigPaths
{
    public const string XcodeDeveloperDir = "/Applications/Xcode.app/Contents/Developer";

    private const string Container =
        "run the build inside TensorFlow's ml-build container (ci/official/envs/linux_x86 and linux_arm64 use it), or set bazel.repo-env in the recipe to this host's equivalent";

    private static readonly ReleaseConfigPath[] LinuxBase =
    [
        new("release_linux_base", "linux", "/usr/lib/llvm-18/bin/clang", "CC",
            "release_linux_base compiles with --repo_env=CC=/usr/lib/llvm-18/bin/clang (TF's .bazelrc)", "install clang 18 there (apt.llvm.org packages) or " + Container),
        new("release_linux_base", "linux", "/usr/bin/python3", "PYTHON_BIN_PATH",
            "release_linux_base sets --python_path=/usr/bin/python3 and PYTHON_BIN_PATH (TF's .bazelrc)", Container),
    ];

    private static readonly ReleaseConfigPath Sysroot = new("release_cpu_linux", "linux", "/dt9", "TF_SYSROOT",
        "release_cpu_linux sets --repo_env=TF_SYSROOT=/dt9, the container's old-glibc sysroot that keeps the wheel manylinux2014 (TF's .bazelrc)", Container);

    private static readonly ReleaseConfigPath Xcode = new("release_macos_base", "macos", XcodeDeveloperDir, "DEVELOPER_DIR",
        "release_macos_base sets --action_env DEVELOPER_DIR=/Applications/Xcode.app/Contents/Developer (TF's .bazelrc); Command Line Tools alone do not satisfy it",
        "install Xcode (the App Store or developer.apple.com) at /Applications/Xcode.app, or set bazel.action-env.DEVELOPER_DIR in the recipe to your Xcode's Contents/Developer");

    /// <summary>The paths the named configs need, each once, in a stable order.</summary>
    public static IReadOnlyList<ReleaseConfigPath> For(IEnumerable<string> configs)
    {
        var paths = new List<ReleaseConfigPath>();
        foreach (var config in configs)
        {
            paths.AddRange(config switch
            {
                "release_cpu_linux" or "release_gpu_linux" => [.. LinuxBase, Sysroot],
                "release_arm64_linux" or "release_linux_base" => LinuxBase,
                "release_macos_arm64" or "release_macos_x86" or "release_macos_base" => [Xcode],
                _ => [],
            });
        }

        return paths.DistinctBy(p => p.Path).ToList();
    }
}
