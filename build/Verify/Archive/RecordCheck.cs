using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// "Installation will fail if any file in the archive is not both mentioned and correctly hashed in
/// RECORD" (binary-distribution-format). Compares RECORD with the hashes computed while reading.
/// </summary>
public static class RecordCheck
{
    private const string Fix = "Regenerate RECORD after the last change to the wheel (e.g. `python -m wheel pack` on the unpacked tree).";

    public static IReadOnlyList<Finding> Check(string distInfo, IReadOnlyDictionary<string, string> texts, IReadOnlyList<ArchiveEntry> entries)
    {
        var findings = new List<Finding>();
        var recordPath = distInfo + "/RECORD";
        if (!texts.TryGetValue(recordPath, out var text))
        {
            findings.Add(Finding.Error(FindingCodes.RecordMissing, recordPath, $"The wheel has no {recordPath}, so no installer can check its files. {Fix}"));
            return findings;
        }

        var rows = RecordFile.Parse(text, recordPath, findings);
        var listed = new Dictionary<string, RecordRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            listed.TryAdd(row.Path, row);
        }

        var exempt = new HashSet<string>(StringComparer.Ordinal) { recordPath, recordPath + ".jws", recordPath + ".p7s" };
        var present = entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => !exempt.Contains(e.Path)))
        {
            if (!listed.TryGetValue(entry.Path, out var row))
            {
                findings.Add(Finding.Error(FindingCodes.RecordUnlisted, entry.Path, $"The file is in the archive but not in RECORD; pip refuses such wheels. {Fix}"));
                continue;
            }

            findings.AddRange(CheckRow(row, entry, recordPath));
        }

        foreach (var row in rows.Where(r => !present.ContainsKey(r.Path) && !exempt.Contains(r.Path)))
        {
            findings.Add(Finding.Error(FindingCodes.RecordNotInArchive, row.Path, $"RECORD line {row.Line} lists a file the archive does not contain. {Fix}"));
        }

        return findings;
    }

    private static IEnumerable<Finding> CheckRow(RecordRow row, ArchiveEntry entry, string recordPath)
    {
        if (row.Hash.Length == 0)
        {
            yield return Finding.Error(FindingCodes.RecordNoHash, entry.Path, $"{recordPath} line {row.Line} has no hash for the file; every file but RECORD needs one. {Fix}");
            yield break;
        }

        var eq = row.Hash.IndexOf('=');
        var algorithm = eq > 0 ? row.Hash[..eq] : row.Hash;
        if (algorithm != "sha256")
        {
            var why = algorithm is "md5" or "sha1" ? $"{algorithm} is not permitted" : $"'{algorithm}' is not checked by tfwheel";
            yield return Finding.Error(FindingCodes.RecordWeakHash, entry.Path, $"{recordPath} line {row.Line} hashes the file with {why}; use sha256. {Fix}");
            yield break;
        }

        if (row.Hash[(eq + 1)..] != entry.Sha256)
        {
            yield return Finding.Error(FindingCodes.RecordHashMismatch, entry.Path, $"The file's sha256 is {entry.Sha256} but {recordPath} line {row.Line} says {row.Hash[(eq + 1)..]}: it changed after RECORD was written. {Fix}");
        }

        if (row.Size.Length > 0 && row.Size != entry.Size.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            yield return Finding.Error(FindingCodes.RecordSizeMismatch, entry.Path, $"The file is {entry.Size} bytes but {recordPath} line {row.Line} says {row.Size}. {Fix}");
        }
    }
}
