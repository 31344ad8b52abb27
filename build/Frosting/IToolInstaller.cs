using Cake.Core.Packaging;

namespace Cake.Frosting;

/// <summary>Installs a tool registered with <c>InstallTool(uri)</c> through the first package installer that can.</summary>
public interface IToolInstaller
{
    void Install(PackageReference tool);
}
