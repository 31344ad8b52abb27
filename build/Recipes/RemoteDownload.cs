namespace Tfwheel.Recipes;

/// <summary>Which outputs bazel downloads from a remote cache (recipe key <c>bazel.remote.download</c>).</summary>
public enum RemoteDownload
{
    All,
    Toplevel,
    Minimal,
}
