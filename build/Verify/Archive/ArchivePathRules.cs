using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// Names an installer must not write: absolute paths, drive letters, backslashes and ".." segments
/// (a "zip slip" escapes site-packages). Pure; one finding per offending name.
/// </summary>
internal static class ArchivePathRules
{
    public static Finding? Check(string name)
    {
        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':'))
        {
            return Finding.Error(FindingCodes.ZipAbsolutePath, name,
                "The entry has an absolute path, so an installer would write outside site-packages; rebuild the wheel with paths relative to its root.");
        }

        var segments = name.Split('/', '\\');
        if (segments.Any(s => s == ".."))
        {
            return Finding.Error(FindingCodes.ZipParentTraversal, name,
                "The entry's path contains '..' and would escape the install directory (zip slip); rebuild the wheel without it.");
        }

        return name.Contains('\\')
            ? Finding.Warning(FindingCodes.ZipAbsolutePath, name, "The entry's path uses '\\'; zip paths use '/'. Rebuild the wheel with a standard zip writer.")
            : null;
    }
}
