namespace Tfwheel.Tests.Recipes;

public sealed class RecipeRuleProblemTests : IDisposable
{
    private readonly RecipeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string At(int line, int column) => $"{_workspace.File("x")}:{line}:{column}: ";

    [Fact]
    public void Accelerate_on_linux_is_refused()
    {
        _workspace.Write("x", """
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target: { os: linux, arch: x86_64 }
            accelerate:
              enabled: true
            """);

        RecipeWorkspace.AssertProblems(
            [At(5, 12) + "Accelerate is Apple's framework and exists only on macOS, but target.os is linux; set accelerate.enabled: false"],
            _workspace.Problems("x"));
    }

    [Fact]
    public void Min_os_below_11_for_apple_silicon_is_refused()
    {
        _workspace.Write("x", """
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target:
              os: macos
              arch: arm64
              min-os: "10.15"
            """);

        RecipeWorkspace.AssertProblems(
            [At(6, 11) + "'target.min-os' 10.15 is below 11.0, the first macOS for arm64 (Apple silicon); use 11.0 or later (TensorFlow's release_macos_arm64 uses 12.0)"],
            _workspace.Problems("x"));
    }

    [Fact]
    public void Options_with_newline_nul_or_no_dash_are_refused_and_startup_options_must_move()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + """

            bazel:
              options:
                - "--copt=-O2\n--config=evil"
                - "--copt=a\0b"
                - //tensorflow:all
                - --output_base=/tmp/out
                - --nobatch
                - --jobs=4
            """);

        RecipeWorkspace.AssertProblems(
        [
            At(6, 7) + "'--copt=-O2\\n--config=evil' in 'bazel.options' contains a newline or NUL; each list item is one option",
            At(7, 7) + "'--copt=a\\0b' in 'bazel.options' contains a newline or NUL; each list item is one option",
            At(8, 7) + "'//tensorflow:all' in 'bazel.options' does not start with '-'; options only (targets and the verb are tfwheel's)",
            At(9, 7) + "'--output_base=/tmp/out' is a bazel startup option: it must come before the command; move it to 'bazel.startup-options'",
            At(10, 7) + "'--nobatch' is a bazel startup option: it must come before the command; move it to 'bazel.startup-options'",
        ], _workspace.Problems("x"));
    }

    [Fact]
    public void Secrets_written_inline_are_refused_without_echoing_them()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + """

            bazel:
              options: [--remote_header=x-api-key=s3cr3t-value]
              remote:
                cache: https://user:s3cr3t-value@cache.example.com
                header-env:
                  x-api-key: s3cr3t-value-123
            """);

        var problems = _workspace.Problems("x");

        RecipeWorkspace.AssertProblems(
        [
            At(5, 13) + "'--remote_header' in 'bazel.options' would put a secret in the recipe and in every log; the value is not shown. Use bazel.remote.header-env: { header-name: ENV_VAR_NAME } instead",
            At(7, 12) + "'bazel.remote.cache' contains credentials (user:password@ in a URL); the value is not shown. Remove them and pass credentials through bazel.remote.header-env or your git credential helper",
            At(9, 18) + "'bazel.remote.header-env.x-api-key' must be the NAME of an environment variable that holds the value (like REMOTE_API_KEY), not the value itself; the value is not shown in case it is a secret",
        ], problems);
        Assert.DoesNotContain(problems, p => p.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_env_takes_variable_names_and_refuses_token_shaped_values()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + """

            bazel:
              remote:
                cache: https://cache.example.com
                header-env:
                  Authorization: ghp_R0gFq8Zb1xYw3Lm5Tq7Vn2Kp9Hs4Jd6Wc1Ea
                  x-aws: AKIAIOSFODNN7EXAMPLE
                  x-b64: dGhpcyBpcyBhIHNlY3JldCB0b2tlbjEy
                  x-name: REMOTE_API_KEY
                  x-lower: npm_config_cache_key
            """);

        var problems = _workspace.Problems("x");

        RecipeWorkspace.AssertProblems(
        [
            At(8, 22) + "'bazel.remote.header-env.Authorization' must be the NAME of an environment variable that holds the value (like REMOTE_API_KEY), not the value itself; the value is not shown in case it is a secret",
            At(9, 14) + "'bazel.remote.header-env.x-aws' must be the NAME of an environment variable that holds the value (like REMOTE_API_KEY), not the value itself; the value is not shown in case it is a secret",
            At(10, 14) + "'bazel.remote.header-env.x-b64' must be the NAME of an environment variable that holds the value (like REMOTE_API_KEY), not the value itself; the value is not shown in case it is a secret",
        ], problems);
        Assert.DoesNotContain(problems, p => p.Contains("R0gFq8", StringComparison.Ordinal) || p.Contains("EXAMPLE", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_looking_environment_variables_are_refused_without_echoing_them()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\nconfigure: { env: { GITHUB_TOKEN: ghp_s3cr3t } }\n");

        var problem = Assert.Single(_workspace.Problems("x"));

        Assert.Equal(At(4, 35) + "'configure.env.GITHUB_TOKEN' looks like a secret, and recipe environments are written into .bazelrc.user, plans and manifests; the value is not shown. Export it in your shell instead", problem);
    }

    [Fact]
    public void Commit_pin_must_be_40_hex()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal);
        _workspace.Write("y", "extends: x\ntensorflow:\n  commit: 0123abc\n");

        var problems = _workspace.Problems("y");

        RecipeWorkspace.AssertProblems(
            [$"{_workspace.File("y")}:3:11: 'tensorflow.commit' must be a full 40-character hex commit hash (git rev-parse v2.20.0^{{commit}}), got '0123abc'"],
            problems);
    }

    [Fact]
    public void Missing_patch_file_and_escaping_paths_are_refused()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + """

            patches:
              - ../patches/none.patch
              - ../../../etc/passwd
              - /etc/passwd
            """);

        var patches = Path.Combine(_workspace.Root, "patches", "none.patch");
        RecipeWorkspace.AssertProblems(
        [
            At(5, 5) + $"'../patches/none.patch' in 'patches' does not exist (looked for {patches}; paths are relative to the file that declares them)",
            At(6, 5) + $"'../../../etc/passwd' in 'patches' escapes the recipe's folder and the project ({_workspace.Root}); keep patches and workloads inside the project",
            At(7, 5) + "'/etc/passwd' in 'patches' must be a path relative to the recipe file that declares it",
        ], _workspace.Problems("x"));
    }

    [Fact]
    public void Configs_for_another_platform_and_config_flags_are_refused()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\nbazel: { configs: [release_arm64_linux, --config=opt, \"a b\"] }\n");

        RecipeWorkspace.AssertProblems(
        [
            At(4, 20) + "config 'release_arm64_linux' builds for linux aarch64, but the target is macos arm64 (configs for this target: release_macos_arm64, release_macos_base)",
            At(4, 41) + "'--config=opt' in 'bazel.configs': write the config name alone ('opt'); tfwheel adds --config=",
            At(4, 55) + "'a b' in 'bazel.configs' is not a bazel config name (letters, digits, '_', '-', '.')",
        ], _workspace.Problems("x"));
    }

    [Fact]
    public void Unknown_workloads_and_placeholders_get_suggestions()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + """

            smoke: { workloads: [add, matmull] }
            bazel: { repo-env: { HERMETIC_PYTHON_VERSION: "{pyhton}" } }
            """);

        RecipeWorkspace.AssertProblems(
        [
            At(4, 27) + "unknown smoke workload 'matmull' (built-in: build-info, add, matmul, trig, conv2d, mlir-pipeline, xla-jit; or a path to a .py file) (did you mean 'matmul'?)",
            At(5, 47) + "unknown placeholder '{pyhton}' (known: {name}, {python}, {tensorflow.version}, {target.os}, {target.arch}, {target.min-os}, {wheel.name}) (did you mean 'python'?)",
        ], _workspace.Problems("x"));
    }

    [Fact]
    public void Accelerate_contraction_without_its_patch_is_refused()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\naccelerate: { enabled: true, mode: contraction }\n");

        RecipeWorkspace.AssertProblems(
            [At(4, 36) + "accelerate.mode 'contraction' needs a patch that adds TF_USE_ACCELERATE_CONTRACTION; add ../patches/tf-2.20/0001-accelerate-contraction.patch (or your own) to 'patches'"],
            _workspace.Problems("x"));
    }
}
