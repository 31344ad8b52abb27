using System.Runtime.CompilerServices;
using Iced.Intel;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// x86-64 code through Iced's decoder: a window of bytes, decoded up to the last 15 (the longest instruction), the
/// rest carried over. The common featureless instructions take <see cref="X86FastPath"/> instead of Iced (same result).
/// </summary>
internal sealed class X86CodeAudit : CodeAudit
{
    private const int Window = 64 << 10;
    private const int MaxInstruction = 15;
    private readonly byte[] buffer = new byte[Window + MaxInstruction];
    private readonly WindowReader reader;
    private readonly Decoder decoder;
    private int filled;
    private ulong windowAddress;

    private readonly bool fast;

    /// <param name="fast">False: Iced decodes every instruction (the reference the fast path is tested against).</param>
    public X86CodeAudit(bool fast = true)
    {
        this.fast = fast;
        reader = new WindowReader(buffer);
        decoder = Decoder.Create(64, reader);
    }

    public override void EndRange()
    {
        DecodeWindow(final: true);
        filled = 0;
    }

    protected override void Begin(ulong address)
    {
        filled = 0;
        windowAddress = address;
    }

    protected override void Decode(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(buffer.Length - filled, bytes.Length);
            bytes[..take].CopyTo(buffer.AsSpan(filled));
            filled += take;
            bytes = bytes[take..];
            if (filled == buffer.Length)
            {
                DecodeWindow(final: false);
            }
        }
    }

    // Fully optimised from the first call: a Verify process decodes hundreds of MB once, so tiering up late costs more than it saves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeWindow(bool final)
    {
        var stop = final ? filled : filled - MaxInstruction;
        reader.Reset(filled);
        var position = 0;
        while (position < stop)
        {
            var ends = false;
            var length = fast ? X86FastPath.Length(buffer.AsSpan(position, filled - position), out ends) : 0;
            if (length > 0)
            {
                RecordPlain();
                if (ends)
                {
                    Runs.Break();
                }

                position += length;
                continue;
            }

            reader.Position = position;
            decoder.IP = windowAddress + (ulong)position;
            decoder.Decode(out var instruction);
            position = reader.Position;
            if (instruction.IsInvalid)
            {
                RecordInvalid();
                continue;
            }

            var code = instruction.Code;
            Record(instruction.IP, instruction.Length, X86FeatureMap.Mask(code));
            if (code is Code.Retnq or Code.Retnq_imm16 or Code.Int3 or Code.Ud2 or Code.Jmp_rm64)
            {
                Runs.Break();
            }
        }

        var consumed = Math.Min(position, filled);
        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
        filled -= consumed;
        windowAddress += (ulong)consumed;
    }

    private sealed class WindowReader(byte[] bytes) : CodeReader
    {
        private int end;

        public int Position { get; set; }

        public void Reset(int length)
        {
            Position = 0;
            end = length;
        }

        public override int ReadByte() => Position < end ? bytes[Position++] : -1;
    }
}
