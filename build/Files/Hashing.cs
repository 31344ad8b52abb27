using System.Security.Cryptography;
using System.Text;

namespace Tfwheel.Files;

/// <summary>Lower-case hex SHA-256 of files and text, as the manifest and SHA256SUMS record them.</summary>
public static class Hashing
{
    public static string Sha256File(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Sha256Text(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
