using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Packaging;
using Cake.Core.Tooling;

namespace Cake.Frosting.Internal;

/// <summary>
/// Installs the tools registered with <c>InstallTool</c> into the tools folder (the <c>paths_tools</c> setting,
/// default <c>tools</c>) with the first package installer that takes the package's scheme, and tells the tool
/// locator where their files are. No installer is registered by default: a build adds one with
/// <c>UsePackageInstaller&lt;T&gt;()</c> (Cake's NuGet module is not on our feed).
/// </summary>
internal sealed class ToolInstaller(
    IEnumerable<IPackageInstaller> installers, ICakeConfiguration configuration, ICakeEnvironment environment,
    IToolLocator locator, ICakeLog log) : IToolInstaller
{
    public void Install(PackageReference tool)
    {
        var installer = installers.FirstOrDefault(i => i.CanInstall(tool, PackageType.Tool))
            ?? throw new FrostingException(
                $"Tool {tool.OriginalString}: no package installer takes the '{tool.Scheme}' scheme. Register one with UsePackageInstaller<T>().");
        var folder = new DirectoryPath(configuration.GetValue("Paths_Tools") ?? "tools").MakeAbsolute(environment);
        log.Verbose("Installing tool {0} into {1}", tool.OriginalString, folder.FullPath);
        foreach (var file in installer.Install(tool, PackageType.Tool, folder))
        {
            locator.RegisterFile(file.Path);
        }
    }
}
