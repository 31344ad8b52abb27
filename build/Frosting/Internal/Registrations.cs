using Cake.Core.IO;

namespace Cake.Frosting.Internal;

/// <summary>The working directory given in code (<c>UseWorkingDirectory</c>), used when --working is not.</summary>
internal sealed record WorkingDirectory(DirectoryPath Path);

/// <summary>A Cake setting given in code (<c>UseCakeSetting</c>).</summary>
internal sealed record FrostingConfigurationValue(string Key, string Value);
