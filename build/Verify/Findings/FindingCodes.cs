namespace Tfwheel.Verify.Findings;

/// <summary>
/// The stable finding codes. They are part of the interface (CI scripts match on them): never rename one,
/// add a new one instead. README "Verify findings" lists them with their meaning.
/// </summary>
public static class FindingCodes
{
    // Archive safety.
    public const string ZipCorrupt = "zip.corrupt";
    public const string ZipAbsolutePath = "zip.absolute-path";
    public const string ZipParentTraversal = "zip.parent-traversal";
    public const string ZipDuplicateName = "zip.duplicate-name";
    public const string ZipSymlink = "zip.symlink";
    public const string ZipBomb = "zip.compression-ratio";
    public const string ZipTooLarge = "zip.uncompressed-too-large";
    public const string ZipLengthMismatch = "zip.length-mismatch";
    public const string ZipCrcMismatch = "zip.crc-mismatch";

    // Wheel metadata.
    public const string WheelFileName = "wheel.file-name";
    public const string WheelMetadataMissing = "wheel.metadata-missing";
    public const string WheelVersion = "wheel.wheel-version";
    public const string WheelTagMismatch = "wheel.tag-mismatch";
    public const string WheelPurelib = "wheel.root-is-purelib";
    public const string WheelSize = "wheel.size-over-limit";
    public const string WheelBinaryInPure = "wheel.binary-in-pure-wheel";

    // RECORD.
    public const string RecordMissing = "record.missing";
    public const string RecordMalformed = "record.malformed";
    public const string RecordUnlisted = "record.unlisted";
    public const string RecordNotInArchive = "record.not-in-archive";
    public const string RecordNoHash = "record.no-hash";
    public const string RecordWeakHash = "record.weak-hash";
    public const string RecordHashMismatch = "record.hash-mismatch";
    public const string RecordSizeMismatch = "record.size-mismatch";

    // Native binaries: architecture.
    public const string SeedX86InArm64 = "arch.x86_64-in-arm64-wheel";
    public const string ArchMissing = "arch.missing";
    public const string ArchArm64e = "arch.arm64e-is-not-arm64";
    public const string ArchUniversal = "arch.universal-not-allowed";
    public const string ArchWrongFormat = "arch.wrong-binary-format";
    public const string ElfClass = "arch.elf-class";

    // Native binaries: minimum OS.
    public const string MinOsAboveTag = "minos.above-tag";
    public const string MinOsMissing = "minos.missing";
    public const string MinOsNotMacos = "minos.not-macos";
    public const string MinOsNewLapack = "minos.newlapack";
    public const string GlibcAboveTag = "minos.glibc-above-tag";
    public const string GlibcxxAboveTag = "minos.libstdcxx-above-tag";

    // Native binaries: linkage.
    public const string LinkForbiddenPath = "link.forbidden-path";
    public const string LinkLibpython = "link.libpython";
    public const string LinkUnresolved = "link.unresolved";
    public const string LinkRpath = "link.rpath-not-relative";
    public const string LinkFrameworkMissing = "link.framework-missing";
    public const string LinkNotBundled = "link.not-bundled";

    // Native binaries: code signature.
    public const string Arm64Unsigned = "sign.arm64-unsigned";

    // Native binaries: instruction set (the audit of the code against the target cpu).
    public const string IsaBaselineAboveCpu = "isa.baseline-above-cpu";
    public const string IsaDispatched = "isa.dispatched-above-cpu";

    // Native binaries: unreadable.
    public const string BinaryMalformed = "binary.malformed";

    // The report itself: findings past its bounds were counted, not listed.
    public const string ReportTruncated = "report.truncated";

    // Doctor --python: the interpreter and its installed TensorFlow.
    public const string DoctorPythonUnderRosetta = "doctor.python-under-rosetta";
    public const string DoctorNoTensorflow = "doctor.tensorflow-not-installed";
    public const string DoctorCpuLacksFeature = "doctor.cpu-lacks-feature";
}
