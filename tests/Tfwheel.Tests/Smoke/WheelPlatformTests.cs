using Tfwheel.Platforms;

namespace Tfwheel.Tests.Smoke;

public class WheelPlatformTests
{
    [Theory]
    [InlineData("tensorflow-2.18.0-cp312-cp312-macosx_12_0_arm64.whl", "macos", "arm64")]
    [InlineData("/tmp/tensorflow-2.18.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "linux", "x86_64")]
    [InlineData("tensorflow-2.18.0-cp312-cp312-manylinux2014_aarch64.whl", "linux", "aarch64")]
    [InlineData("tensorflow-2.18.0-1-cp312-cp312-linux_x86_64.whl", "linux", "x86_64")]
    [InlineData("tensorflow-2.18.0-cp312-cp312-macosx_11_0_universal2.whl", "macos", "universal2")]
    [InlineData("tensorflow-2.18.0-cp312-cp312-win_amd64.whl", "windows", "x86_64")]
    [InlineData("tensorflow_test-0.1-py3-none-any.whl", null, null)]
    [InlineData("not-a-wheel.whl", null, null)]
    public void The_platform_is_read_from_the_wheel_file_names_platform_tag(string file, string? os, string? arch) =>
        Assert.Equal(new WheelPlatform(os, arch), WheelPlatform.FromFileName(file));

    [Theory]
    [InlineData("macos", "arm64", "macos", "arm64", null)]
    [InlineData("linux", "aarch64", "macos", "arm64", "the wheel is for linux and this host runs macos")]
    [InlineData("macos", "x86_64", "macos", "arm64", "the wheel is for x86_64 and this arm64 host cannot run it natively")]
    [InlineData("linux", "arm64", "linux", "aarch64", null)]
    [InlineData("macos", "universal2", "macos", "x86_64", null)]
    [InlineData(null, null, "linux", "x86_64", null)]
    public void Only_a_wheel_for_this_OS_and_CPU_is_runnable(string? os, string? arch, string hostOs, string hostArch, string? why) =>
        Assert.Equal(why, new WheelPlatform(os, arch).WhyNotRunnableOn(new HostPlatform(hostOs, hostArch)));
}
