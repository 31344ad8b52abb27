using System.Security.Cryptography;
using System.Text;

namespace Tfwheel.Files;

/// <summary>
/// Lower-case hex SHA-256 of files and text, as the manifest, the input stamp, reports and SHA256SUMS record
/// them: the one way tfwheel hashes (Verify's RECORD digests are the wheel format's own base64url).
/// </summary>
public static class Hashing
{
    public static string Sha256File(string path)
    {
        using var stream = OpenSequential(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static async Task<string> Sha256FileAsync(string path, CancellationToken ct)
    {
        await using var stream = OpenSequential(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    public static string Sha256Text(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
