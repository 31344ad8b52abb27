using Tfwheel.Processes;

namespace Tfwheel.Tests.Processes;

public class CommandLineTests
{
    [Fact]
    public void Plain_words_are_not_quoted_and_others_are_single_quoted()
    {
        var text = CommandLine.Format("bazel", ["build", "--config=release_macos_arm64", "a b", "it's"]);
        Assert.Equal("bazel build --config=release_macos_arm64 'a b' 'it'\\''s'", text);
    }

    [Fact]
    public void Secrets_in_a_command_are_masked()
    {
        var spec = new ProcessSpec("bazel", ["--remote_header=x-api-key=s3cr3t"]) { Secrets = ["s3cr3t"] };
        Assert.Equal("bazel --remote_header=x-api-key=***", CommandLine.Format(spec));
    }
}
