using System.Collections.Immutable;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Plan;
using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Tests.Compile;

/// <summary>The pure planner against exact argv and file content, for recipes shaped like the built-in ones.</summary>
public class CompilePlannerTests
{
    private static readonly BuildPaths Paths = BuildPaths.For("/p", "macos-arm64");
    private static readonly CompileHost Mac = new(new HostPlatform("macos", "arm64"), "/usr/bin/python3", "/Users/me");

    private static Recipe MacosArm64 => new()
    {
        Name = "macos-arm64",
        Files = ["/p/recipes/base.yaml", "/p/recipes/macos-arm64.yaml"],
        Tensorflow = new TensorflowSource("https://github.com/tensorflow/tensorflow.git", "v2.20.0", null, "2.20.0"),
        Python = "3.12",
        Target = new TargetPlatform(TargetOs.Macos, TargetArch.Arm64, "12.0"),
        Bazel = new BazelSettings
        {
            Executable = "bazelisk",
            StartupOptions = ["--output_user_root=/p/.work/bazel"],
            Configs = ["release_macos_arm64"],
            Options = ["--verbose_failures"],
            RepoEnv = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("USE_PYWRAP_RULES", "True")]),
            Jobs = "8",
            DiskCache = "~/.cache/tfwheel-bazel",
        },
        Wheel = new WheelSettings { Name = "tensorflow" },
    };

    [Fact]
    public void The_macos_arm64_build_puts_startup_options_before_the_verb_and_the_wheel_target_last()
    {
        var plan = CompilePlanner.PlanCompile(MacosArm64, Paths);

        Assert.Equal(
            [
                "bazelisk", "--output_user_root=/p/.work/bazel", "build",
                "--build_event_json_file=/p/artifacts/macos-arm64/bazel-events.json",
                "--profile=/p/artifacts/macos-arm64/bazel-profile.json.gz",
                "--repo_env=WHEEL_NAME=tensorflow",
                "--repo_env=HERMETIC_PYTHON_VERSION=3.12",
                "//tensorflow/tools/pip_package:wheel",
            ],
            plan.Build.Argv);
        Assert.Equal("/p/.work/src/macos-arm64", plan.Build.Cwd);
        Assert.Null(plan.Package);
        Assert.Equal("/p/.work/src/macos-arm64/bazel-bin/tensorflow/tools/pip_package/wheel_house", plan.WheelDirectory);
    }

    [Fact]
    public void The_macos_arm64_bazelrc_user_holds_configs_repo_env_jobs_disk_cache_and_options()
    {
        var text = BazelrcUser.Render(MacosArm64, "/Users/me");

        Assert.Equal(
            """
            # Written by tfwheel from recipe 'macos-arm64'; rewritten by every Configure, so edit the recipe instead.
            # TensorFlow's .bazelrc try-imports this file.
            build --config=release_macos_arm64
            build --repo_env=MACOSX_DEPLOYMENT_TARGET=12.0
            build --repo_env=USE_PYWRAP_RULES=True
            build --jobs=8
            build --disk_cache=/Users/me/.cache/tfwheel-bazel
            build --verbose_failures

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void The_accelerate_recipe_adds_the_gemm_conv_and_contraction_flags_and_links_the_framework()
    {
        var recipe = MacosArm64 with
        {
            Name = "macos-arm64-accelerate",
            Bazel = MacosArm64.Bazel with { Options = [], RepoEnv = ImmutableSortedDictionary<string, string>.Empty, Jobs = "auto", DiskCache = null },
            Accelerate = new AccelerateSettings { Enabled = true, Mode = AccelerateMode.Both, NewLapack = true },
        };

        var lines = BazelrcUser.Render(recipe, "/Users/me").Split('\n').Where(l => l.StartsWith("build ", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                "build --config=release_macos_arm64",
                "build --repo_env=MACOSX_DEPLOYMENT_TARGET=12.0",
                "build --per_file_copt=tensorflow/core/kernels/.*@-DUSE_GEMM_FOR_CONV",
                "build --define=tensorflow_mkldnn_contraction_kernel=0",
                "build --define=tensorflow_accelerate_contraction_kernel=1",
                "build --copt=-DACCELERATE_NEW_LAPACK",
                "build --linkopt=-framework --linkopt=Accelerate",
            ],
            lines);
    }

    [Fact]
    public void Accelerate_is_ignored_for_a_linux_target()
    {
        var recipe = LinuxX86 with { Accelerate = new AccelerateSettings { Enabled = true } };

        Assert.DoesNotContain("Accelerate", BazelrcUser.Render(recipe, "/home/me"));
    }

    private static Recipe LinuxX86 => MacosArm64 with
    {
        Name = "linux-x86_64",
        Target = new TargetPlatform(TargetOs.Linux, TargetArch.X86_64, null),
        Tensorflow = new TensorflowSource("/mirror/tensorflow", "v2.16.1", null, "2.16.1"),
        Bazel = new BazelSettings { Configs = ["release_cpu_linux"] },
        Wheel = new WheelSettings { Name = "tensorflow_cpu" },
    };

    [Fact]
    public void A_tf_2_16_recipe_builds_build_pip_package_and_runs_it_into_the_artifacts()
    {
        var paths = BuildPaths.For("/p", "linux-x86_64");

        var plan = CompilePlanner.PlanCompile(LinuxX86, paths);

        Assert.Equal(
            ["bazel", "build", "--build_event_json_file=/p/artifacts/linux-x86_64/bazel-events.json", "--profile=/p/artifacts/linux-x86_64/bazel-profile.json.gz", "--repo_env=HERMETIC_PYTHON_VERSION=3.12", "//tensorflow/tools/pip_package:build_pip_package"],
            plan.Build.Argv);
        Assert.Equal(
            ["/p/.work/src/linux-x86_64/bazel-bin/tensorflow/tools/pip_package/build_pip_package", "/p/artifacts/linux-x86_64/pip_package", "--project_name", "tensorflow_cpu"],
            plan.Package!.Argv);
    }

    [Fact]
    public void Remote_settings_go_to_bazelrc_user_and_header_values_appear_only_as_stars_in_the_argv()
    {
        var recipe = LinuxX86 with
        {
            Bazel = LinuxX86.Bazel with
            {
                StartupOptions = ["--max_idle_secs=5"],
                Remote = new RemoteSettings
                {
                    Cache = "grpcs://remote.buildbuddy.io",
                    InstanceName = "tfwheel",
                    Download = RemoteDownload.Minimal,
                    HeaderEnv = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("x-buildbuddy-api-key", "BUILDBUDDY_API_KEY")]),
                },
            },
        };
        var paths = BuildPaths.For("/p", "linux-x86_64");

        var plan = CompilePlanner.PlanCompile(recipe, paths);
        var rc = BazelrcUser.Render(recipe, "/home/me");

        Assert.Equal("--remote_header=x-buildbuddy-api-key=***", plan.Build.Argv[Assert.Single(plan.Headers).ArgvIndex]);
        Assert.Equal("BUILDBUDDY_API_KEY", plan.Headers[0].EnvironmentVariable);
        Assert.Contains("build --remote_cache=grpcs://remote.buildbuddy.io\n", rc);
        Assert.Contains("build --remote_instance_name=tfwheel\n", rc);
        Assert.Contains("build --remote_download_outputs=minimal\n", rc);
        Assert.DoesNotContain("remote_header", rc);
    }

    [Fact]
    public void An_unset_remote_header_variable_is_reported_by_the_stage_that_needs_it_with_the_variable_to_export()
    {
        var variable = "TFWHEEL_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        RemoteHeader[] headers = [new("x-api-key", variable, 3)];

        var e = Assert.Throws<Tfwheel.Errors.HostException>(() => RemoteHeaders.Resolve(headers, "Compile"));

        Assert.StartsWith($"Compile: remote header 'x-api-key' takes its value from ${variable}, which is not set.", e.Message);
        Assert.Contains($"Export {variable}", e.Message);
    }

    [Fact]
    public void The_whole_plan_lists_fetch_patch_configure_and_compile_in_order_with_the_configure_env()
    {
        var recipe = MacosArm64 with
        {
            Patches = ["/p/patches/2.20/0001-accelerate.patch"],
            Configure = new ConfigureSettings { Env = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("TF_NEED_CUDA", "0")]) },
        };

        var plan = WheelPlanner.PlanBuild(recipe, Paths, Mac);

        Assert.Equal(["fetch", "fetch", "fetch", "fetch", "fetch", "fetch", "fetch", "patch", "patch", "patch", "configure", "configure", "configure", "compile"], plan.Steps.Select(s => s.Name));
        Assert.Equal(["git", "-C", "/p/.work/src/macos-arm64", "fetch", "--depth=1", "--no-tags", "--end-of-options", "origin", "v2.20.0"], plan.Fetch.Fetch.Argv);
        Assert.Equal(["git", "-C", "/p/.work/src/macos-arm64", "apply", "--check", "/p/patches/2.20/0001-accelerate.patch"], plan.Patches[0].Check.Argv);
        Assert.Equal(["/usr/bin/python3", "configure.py"], plan.Configure.ConfigurePy.Argv);
        Assert.Equal("0", plan.Configure.ConfigurePy.Env["TF_NEED_CUDA"]);
        Assert.Equal("/usr/bin/python3", plan.Configure.ConfigurePy.Env["PYTHON_BIN_PATH"]);
        Assert.Equal("/p/.work/src/macos-arm64/.bazelrc.user", Assert.Single(plan.Configure.WriteBazelrcUser.Files).Key);
    }
}
