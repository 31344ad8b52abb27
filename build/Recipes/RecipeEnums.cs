using Tfwheel.Platforms;

namespace Tfwheel.Recipes;

/// <summary>The recipe spelling of each enumeration (kebab-case, as wheel tags spell architectures).</summary>
internal static class RecipeEnums
{
    public static IReadOnlyList<string> OsNames { get; } = ["macos", "linux"];

    public static IReadOnlyList<string> ArchNames { get; } = ["arm64", "x86_64", "aarch64"];

    public static IReadOnlyList<string> DownloadNames { get; } = ["all", "toplevel", "minimal"];

    public static IReadOnlyList<string> AccelerateModeNames { get; } = ["gemm-conv", "contraction", "both"];

    public static IReadOnlyList<string> BridgeNames { get; } = ["default", "enabled", "disabled"];

    public static TargetOs Os(string text) => text == "linux" ? TargetOs.Linux : TargetOs.Macos;

    public static TargetArch Arch(string text) => text switch
    {
        "x86_64" => TargetArch.X86_64,
        "aarch64" => TargetArch.Aarch64,
        _ => TargetArch.Arm64,
    };

    public static RemoteDownload Download(string text) => text switch
    {
        "all" => RemoteDownload.All,
        "minimal" => RemoteDownload.Minimal,
        _ => RemoteDownload.Toplevel,
    };

    public static AccelerateMode AccelerateMode(string text) => text switch
    {
        "contraction" => Recipes.AccelerateMode.Contraction,
        "both" => Recipes.AccelerateMode.Both,
        _ => Recipes.AccelerateMode.GemmConv,
    };

    public static MlirBridge Bridge(string text) => text switch
    {
        "enabled" => MlirBridge.Enabled,
        "disabled" => MlirBridge.Disabled,
        _ => MlirBridge.Default,
    };

    public static string Text(TargetOs os) => OsNames[(int)os];

    public static string Text(TargetArch arch) => ArchNames[(int)arch];

    public static string Text(RemoteDownload download) => DownloadNames[(int)download];

    public static string Text(AccelerateMode mode) => AccelerateModeNames[(int)mode];

    public static string Text(MlirBridge bridge) => BridgeNames[(int)bridge];
}
