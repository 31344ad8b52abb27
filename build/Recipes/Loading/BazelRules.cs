using System.Text.RegularExpressions;

namespace Tfwheel.Recipes.Loading;

/// <summary>Checks the <c>bazel</c> section: option syntax, startup options in the right list, configs, remote settings.</summary>
internal sealed partial class BazelRules(RecipeTreeReader tree, List<RecipeProblem> problems, RecipeRules _rules)
{
    public void Check(TargetPlatform target)
    {
        _rules.Matches("bazel.version", BazelVersion().IsMatch, "must be a bazel version such as 7.4.1");
        _rules.Matches("bazel.executable", v => v.Length > 0 && RecipeRules.IsOneLine(v) && !v.StartsWith('-'), "must be a program name or path (bazel, bazelisk)");
        _rules.Matches("bazel.jobs", v => v == "auto" || (int.TryParse(v, out var n) && n > 0), "must be auto or a positive number");
        _rules.Matches("bazel.disk-cache", RecipeRules.IsOneLine, "must be a directory path on one line");
        foreach (var option in tree.Items("bazel.startup-options"))
        {
            CheckOptionText(option, "bazel.startup-options");
        }

        foreach (var option in tree.Items("bazel.options"))
        {
            if (CheckOptionText(option, "bazel.options"))
            {
                CheckBuildOption(option);
            }
        }

        foreach (var config in tree.Items("bazel.configs"))
        {
            CheckConfig(config, target);
        }

        _rules.CheckEnvironment("bazel.repo-env");
        _rules.CheckEnvironment("bazel.action-env");
        PywrapRules.Check(tree, problems);
        CheckRemote();
    }

    private bool CheckOptionText(RecipeScalar option, string path)
    {
        var text = option.Text;
        string? problem = null;
        if (!RecipeRules.IsOneLine(text))
        {
            problem = $"'{RecipeRules.Printable(text)}' in '{path}' contains a newline or NUL; each list item is one option";
        }
        else if (!text.StartsWith('-'))
        {
            problem = $"'{text}' in '{path}' does not start with '-'; options only (targets and the verb are tfwheel's)";
        }

        if (problem is not null)
        {
            problems.Add(option.Mark.Problem(problem));
        }

        return problem is null;
    }

    private void CheckBuildOption(RecipeScalar option)
    {
        var name = OptionName(option.Text);
        if (SecretRules.IsHeaderOption(name))
        {
            problems.Add(option.Mark.Problem(SecretRules.HeaderOptionMessage(name)));
        }
        else if (BazelStartupOptions.Contains(name))
        {
            problems.Add(option.Mark.Problem($"'{option.Text}' is a bazel startup option: it must come before the command; move it to 'bazel.startup-options'"));
        }
        else if (SecretRules.HasCredentials(option.Text[(option.Text.IndexOf('=', StringComparison.Ordinal) + 1)..]))
        {
            problems.Add(option.Mark.Problem(SecretRules.CredentialMessage("bazel.options")));
        }
    }

    private void CheckConfig(RecipeScalar config, TargetPlatform target)
    {
        var name = config.Text;
        if (name.StartsWith("--config", StringComparison.Ordinal))
        {
            var bare = name.Split('=', 2) is [_, var v] ? v : "NAME";
            problems.Add(config.Mark.Problem($"'{name}' in 'bazel.configs': write the config name alone ('{bare}'); tfwheel adds --config="));
        }
        else if (!ConfigName().IsMatch(name))
        {
            problems.Add(config.Mark.Problem($"'{RecipeRules.Printable(name)}' in 'bazel.configs' is not a bazel config name (letters, digits, '_', '-', '.')"));
        }
        else if (KnownConfigs.Mismatch(name, target) is { } mismatch)
        {
            problems.Add(config.Mark.Problem(mismatch));
        }
    }

    private void CheckRemote()
    {
        foreach (var path in new[] { "bazel.remote.cache", "bazel.remote.executor" })
        {
            _rules.Secret(path);
            _rules.Matches(path, v => v.Length == 0 || RemoteUrl().IsMatch(v), "must be a grpc://, grpcs://, http://, https:// or unix: URL");
        }

        _rules.Matches("bazel.remote.instance-name", RecipeRules.IsOneLine, "must be one line");
        foreach (var entry in tree.Entries("bazel.remote.header-env"))
        {
            if (!HeaderName().IsMatch(entry.Key.Text))
            {
                problems.Add(entry.Key.Mark.Problem($"'{entry.Key.Text}' in 'bazel.remote.header-env' is not an HTTP header name"));
            }

            if (!SecretRules.IsVariableName(((RecipeScalar)entry.Value).Text))
            {
                problems.Add(entry.Value.Mark.Problem(SecretRules.EnvNameMessage($"bazel.remote.header-env.{entry.Key.Text}")));
            }
        }
    }

    /// <summary>"--noworkspace_rc" -> "workspace_rc"; "--output_base=/x" -> "output_base".</summary>
    internal static string OptionName(string option)
    {
        var name = option.TrimStart('-').Split('=', 2)[0];
        return name.StartsWith("no", StringComparison.Ordinal) && BazelStartupOptions.Contains(name[2..]) ? name[2..] : name;
    }

    /// <summary>Bazel's startup options (bazel help startup_options), which are rejected after the command.</summary>
    internal static readonly HashSet<string> BazelStartupOptions = new(StringComparer.Ordinal)
    {
        "output_base", "output_user_root", "install_base", "install_md5", "host_jvm_args", "host_jvm_debug",
        "host_jvm_profile", "server_javabase", "batch", "bazelrc", "home_rc", "system_rc", "workspace_rc",
        "ignore_all_rc_files", "max_idle_secs", "block_for_lock", "client_debug", "connect_timeout_secs",
        "local_startup_timeout_secs", "digest_function", "unlimit_coredumps", "macos_qos_class", "io_nice_level",
        "batch_cpu_scheduling", "shutdown_on_low_sys_mem", "preemptible", "idle_server_tasks", "failure_detail_out",
        "server_jvm_out", "autodetect_server_javabase", "write_command_log",
    };

    [GeneratedRegex(@"^\d+(\.\d+){0,2}([-+][A-Za-z0-9.]+)?$")]
    private static partial Regex BazelVersion();

    [GeneratedRegex(@"^[A-Za-z0-9_.+-]+$")]
    private static partial Regex ConfigName();

    [GeneratedRegex(@"^(grpcs?|https?)://\S+$|^unix:\S+$")]
    private static partial Regex RemoteUrl();

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex HeaderName();
}
