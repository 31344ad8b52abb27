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
            var take = Math.Min(Window + MaxInstruction - filled, bytes.Length);
            bytes[..take].CopyTo(buffer.AsSpan(filled));
            filled += take;
            bytes = bytes[take..];
            if (filled == Window + MaxInstruction)
            {
                DecodeWindow(final: false);
            }
        }
    }

    private void DecodeWindow(bool final)
    {
        var stop = final ? filled : filled - MaxInstruction;
        reader.Reset(filled);
        var position = 0;
        while (position < stop)
        {
            X86FastPath.Slot slot = default;
            if (fast)
            {
                var length = X86FastPath.QuickLength(buffer, position, filled, out var quick);
                if (length > 0)
                {
                    if (X86FastPath.QuickInvalidAnswer(quick))
                    {
                        RecordInvalid();
                    }
                    else
                    {
                        RecordPlain();
                        if (X86FastPath.QuickEndsAnswer(quick))
                        {
                            Runs.Break();
                        }
                    }

                    position += length;
                    continue;
                }

                length = X86FastPath.Lookup(buffer, position, filled, out var answer, out slot);
                if (length > 0)
                {
                    X86FastPath.Remember(buffer, position, answer, length);
                }

                if (length > 0)
                {
                    if (X86FastPath.IsInvalid(answer))
                    {
                        RecordInvalid();
                    }
                    else
                    {
                        Record(windowAddress + (ulong)position, length, X86FastPath.Mask(answer));
                        if (X86FastPath.Ends(answer))
                        {
                            Runs.Break();
                        }
                    }

                    position += length;
                    continue;
                }
            }

            var at = position;
            reader.Position = position;
            decoder.IP = windowAddress + (ulong)position;
            decoder.Decode(out var instruction);
            position = reader.Position;
            var complete = at + MaxInstruction <= filled;
            if (instruction.IsInvalid)
            {
                if (fast && complete)
                {
                    X86FastPath.Learn(slot, invalid: true, position - at, 0, ends: false);
                }

                RecordInvalid();
                continue;
            }

            var code = instruction.Code;
            var mask = X86FeatureMap.Mask(code);
            var ends = X86FeatureMap.EndsRun(code);
            if (fast && complete)
            {
                X86FastPath.Learn(slot, invalid: false, instruction.Length, mask, ends);
            }

            Record(instruction.IP, instruction.Length, mask);
            if (ends)
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
