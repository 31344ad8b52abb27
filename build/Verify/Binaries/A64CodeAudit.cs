using System.Buffers.Binary;

namespace Tfwheel.Verify.Binaries;

/// <summary>A64 code: fixed 4-byte little-endian words, each classified by <see cref="A64Classifier"/>; a word split across chunks is carried over.</summary>
internal sealed class A64CodeAudit : CodeAudit
{
    private const uint Ret = 0xD65F_03C0;
    private readonly byte[] carry = new byte[4];
    private int carried;
    private ulong address;

    public override CodeAudit Fresh() => new A64CodeAudit();

    /// <summary>Every word is classified, none is "invalid": the segment is decoded whole.</summary>
    protected override bool TellsData => false;

    public override void EndRange() => carried = 0;

    protected override void Begin(ulong start)
    {
        carried = 0;
        address = start;
    }

    protected override void Decode(ReadOnlySpan<byte> bytes)
    {
        if (carried > 0)
        {
            var take = Math.Min(4 - carried, bytes.Length);
            bytes[..take].CopyTo(carry.AsSpan(carried));
            carried += take;
            bytes = bytes[take..];
            if (carried < 4)
            {
                return;
            }

            Word(BinaryPrimitives.ReadUInt32LittleEndian(carry));
            carried = 0;
        }

        var whole = bytes.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            Word(BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]));
        }

        bytes[whole..].CopyTo(carry);
        carried = bytes.Length - whole;
    }

    private void Word(uint w)
    {
        Record(address, 4, A64Classifier.Classify(w));
        if (w == Ret)
        {
            Runs.Break();
        }

        address += 4;
    }
}
