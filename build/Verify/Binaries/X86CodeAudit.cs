using System.Runtime.CompilerServices;
using Iced.Intel;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// x86-64 code through Iced's decoder: a window of bytes, decoded up to the last 15 (the longest instruction), the
/// rest carried over. An instruction whose form was decoded before takes <see cref="X86FastPath"/> instead of Iced (same result).
/// </summary>
internal sealed class X86CodeAudit : CodeAudit
{
    private const int Window = 64 << 10;
    private const int MaxInstruction = 15;
    private readonly byte[] buffer = new byte[Window + MaxInstruction + X86FastPath.Padding];
    private readonly WindowReader reader;
    private readonly Decoder decoder;
    private int filled;
    private ulong windowAddress;
    private readonly bool fast;
    private bool stopped;

    /// <param name="fast">False: Iced decodes every instruction (the reference the fast path is tested against).</param>
    public X86CodeAudit(bool fast = true)
    {
        this.fast = fast;
        reader = new WindowReader(buffer);
        decoder = Decoder.Create(64, reader);
    }

    public override CodeAudit Fresh() => new X86CodeAudit(fast);

    public override void EndRange()
    {
        DecodeWindow(final: true);
        filled = 0;
    }

    protected override void Begin(ulong address)
    {
        filled = 0;
        stopped = false;
        windowAddress = address;
    }

    protected override void Decode(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && !stopped)
        {
            var take = Math.Min(Window + MaxInstruction - filled, bytes.Length);
            bytes[..take].CopyTo(buffer.AsSpan(filled));
            filled += take;
            bytes = bytes[take..];
            if (filled == Window + MaxInstruction)
            {
                DecodeWindow(final: false);
                stopped = WindowDecoded(windowAddress);
            }
        }
    }

    private void DecodeWindow(bool final)
    {
        var stop = final ? filled : filled - MaxInstruction;
        reader.Reset(filled);
        var position = 0;
        // Locals, not fields and statics, in the loop: ReadyToRun code (what runs until the tiered JIT replaces it) reloads
        // fields each time and reaches statics through a helper call.
        var code = buffer;
        var end = filled;
        var quickTable = fast ? X86FastPath.QuickTable : null;
        long plain = 0, invalid = 0;
        while (position < stop)
        {
            X86FastPath.Slot slot;
            if (quickTable is not null)
            {
                var length = X86FastPath.QuickLength(quickTable, code, position, end, out var quick);
                if (length > 0)
                {
                    // Count's featureless cases, with the counts kept in locals.
                    if (X86FastPath.QuickInvalidAnswer(quick))
                    {
                        invalid++;
                    }
                    else
                    {
                        plain++;
                        if (X86FastPath.QuickEndsAnswer(quick))
                        {
                            Runs.Break();
                        }
                    }

                    position += length;
                    continue;
                }

                length = X86FastPath.Lookup(code, position, end, out var answer, out slot);
                if (length > 0)
                {
                    X86FastPath.Remember(code, position, answer, length);
                    Count(position, length, X86FastPath.IsInvalid(answer), X86FastPath.Mask(answer), X86FastPath.Ends(answer));
                    position += length;
                    continue;
                }
            }
            else
            {
                slot = default;
            }

            var at = position;
            reader.Position = position;
            decoder.IP = windowAddress + (ulong)position;
            decoder.Decode(out var instruction);
            position = reader.Position;
            var bad = instruction.IsInvalid;
            var mask = bad ? 0 : X86FeatureMap.Mask(instruction.Code);
            var ends = !bad && X86FeatureMap.EndsRun(instruction.Code);

            // Learnt only from a decode that had every byte an instruction can have.
            if (fast && at + MaxInstruction <= filled)
            {
                X86FastPath.Learn(slot, bad, position - at, mask, ends);
            }

            Count(at, position - at, bad, mask, ends);
        }

        RecordPlain(plain);
        RecordInvalid(invalid);

        var consumed = Math.Min(position, filled);
        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
        filled -= consumed;
        windowAddress += (ulong)consumed;
    }

    /// <summary>One decoded instruction at <paramref name="position"/> in the window, whichever decoder answered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(int position, int length, bool invalid, ulong mask, bool ends)
    {
        if (invalid)
        {
            RecordInvalid();
            return;
        }

        if (mask == 0)
        {
            RecordPlain();
        }
        else
        {
            Record(windowAddress + (ulong)position, length, mask);
        }

        if (ends)
        {
            Runs.Break();
        }
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
