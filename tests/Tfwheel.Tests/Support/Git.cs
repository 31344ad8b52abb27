using Tfwheel.Processes;

namespace Tfwheel.Tests.Support;

/// <summary>Runs real git for test setup, with a fixed identity so commits can be made on any machine.</summary>
public static class Git
{
    public static async Task<string> RunAsync(string cwd, params string[] args)
    {
        var spec = new ProcessSpec(RequiredTool.Find("git", "apt-get install git"), ["-c", "user.name=tfwheel tests", "-c", "user.email=tests@tfwheel.invalid", "-c", "init.defaultBranch=main", .. args])
        {
            WorkingDirectory = cwd,
            Echo = false,
            StreamOutput = false,
        };
        var result = await new ProcessGateway(new TestLog()).RunAsync(spec);
        return result.EnsureSuccess().StandardOutput.Trim();
    }
}
