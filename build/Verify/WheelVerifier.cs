using System.Globalization;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Verify.Archive;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// Verify: opens a wheel on any host (a macOS wheel is verified on Linux too) and checks the archive,
/// its metadata and RECORD, and every native binary against <see cref="VerifyRequirements"/>.
/// A task calls <see cref="VerifyAsync"/>, writes the report, and fails with
/// <c>StepFailedException(..., ExitCodes.Verify)</c> when <see cref="VerifyReport.Ok"/> is false.
/// </summary>
public static class WheelVerifier
{
    /// <exception cref="Errors.UsageException">The wheel file does not exist.</exception>
    public static async Task<VerifyReport> VerifyAsync(string wheelPath, VerifyRequirements requirements, CancellationToken cancellation)
    {
        if (!File.Exists(wheelPath))
        {
            throw new Errors.UsageException($"--wheel: {wheelPath} does not exist. Pass the path of a .whl file (Compile puts it in artifacts/<recipe>/).");
        }

        if (Files.InputFile.Problem(wheelPath, long.MaxValue) is { } notRegular)
        {
            throw new Errors.UsageException($"--wheel: {wheelPath} {notRegular}. Pass the path of a .whl file.");
        }

        var size = new FileInfo(wheelPath).Length;
        // Publish publishes only the file this report judged: the report names it by SHA-256 (hashed while the entries are read).
        var sha256Task = Task.Run(() => Hashing.Sha256FileAsync(wheelPath, cancellation), cancellation);

        var findings = new List<Finding>();
        var name = WheelFileName.TryParse(wheelPath, out var nameError);
        if (name is null)
        {
            findings.Add(Finding.Error(FindingCodes.WheelFileName, "", $"The file name breaks the wheel grammar: {nameError}. Installers will not take it; rename it as name-version-python-abi-platform.whl."));
        }

        var contents = await WheelArchiveReader.ReadAsync(wheelPath, cancellation);
        var sha256 = await sha256Task;
        findings.AddRange(contents.Findings);
        // An archive that cannot be opened at all is one finding; an empty one still needs its dist-info.
        if (name is not null && !contents.Findings.Any(f => f.Code == FindingCodes.ZipCorrupt && f.Path.Length == 0))
        {
            var distInfo = WheelMetadataCheck.Check(name, contents.MetadataTexts, contents.Entries, findings);
            // An entry that could not be read is already an error; RECORD would only repeat it as "missing".
            var unreadable = contents.Findings.Where(f => f.Code is FindingCodes.ZipCorrupt or FindingCodes.ZipLengthMismatch or FindingCodes.ZipBomb or FindingCodes.ZipCrcMismatch)
                .Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            findings.AddRange(RecordCheck.Check(distInfo, contents.MetadataTexts, contents.Entries).Where(f => !unreadable.Contains(f.Path)));
        }

        if (name is not null && name.PlatformTags.All(t => t == "any"))
        {
            findings.AddRange(contents.Binaries.Select(b => Finding.Error(FindingCodes.WheelBinaryInPure, b.Path,
                $"A wheel tagged '{string.Join(".", name.PlatformTags)}' (any platform) ships a {b.Format} binary, which runs on one platform only; tag the wheel with the binary's platform.")));
        }

        var files = contents.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(BinaryChecks.Check(contents.Binaries, files, requirements));
        if (size > requirements.MaxSizeMb * 1024L * 1024L)
        {
            var mb = (size / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
            findings.Add(Finding.Error(FindingCodes.WheelSize, "", $"The wheel is {mb} MB, over the {requirements.MaxSizeMb} MB limit (verify.max-size-mb, --max-size-mb); check for debug symbols (strip -x) or files bundled twice, or raise the limit."));
        }

        var summary = new WheelSummary(
            Path.GetFileName(wheelPath), name?.Distribution, name?.Version, name?.ExpandedTags ?? [], size, contents.Entries.Count) { Sha256 = sha256 };
        var collected = new FindingCollector();
        collected.AddRange(findings);
        var ordered = collected.ToList().OrderBy(f => f.Severity).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        return new VerifyReport(summary, requirements, contents.Binaries, ordered);
    }
}
