using System.Text.Json;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Verify;

/// <summary>
/// The audit's fields of a binary in verify-cpXY.json: <c>baselineFeatures</c> and <c>dispatchedFeatures</c>
/// (over all slices), and <c>isa</c>, one object per audited slice with the evidence behind them.
/// </summary>
public static class IsaJson
{
    public static void Write(Utf8JsonWriter j, NativeBinary binary)
    {
        var audited = binary.Slices.Where(s => s.Isa is not null).ToList();
        Strings(j, "baselineFeatures", audited.SelectMany(s => s.Isa!.BaselineFeatures).Distinct());
        Strings(j, "dispatchedFeatures", audited.SelectMany(s => s.Isa!.DispatchedFeatures).Distinct());
        j.WriteStartArray("isa");
        foreach (var slice in audited)
        {
            var isa = slice.Isa!;
            j.WriteStartObject();
            j.WriteString("arch", slice.Arch);
            j.WriteNumber("codeBytes", isa.CodeBytes);
            j.WriteNumber("instructions", isa.Instructions);
            j.WriteNumber("units", isa.Units);
            j.WriteString("unitKind", isa.UnitKind);
            j.WriteString("cpuCheck", isa.CpuCheck);
            j.WriteStartArray("features");
            foreach (var f in isa.Features)
            {
                j.WriteStartObject();
                j.WriteString("name", f.Name);
                j.WriteBoolean("baseline", f.Baseline);
                j.WriteNumber("instructions", f.Instructions);
                j.WriteNumber("units", f.Units);
                Strings(j, "examples", f.Examples);
                j.WriteString("reason", f.Reason);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter j, string name, IEnumerable<string> values)
    {
        j.WriteStartArray(name);
        foreach (var v in values)
        {
            j.WriteStringValue(v);
        }

        j.WriteEndArray();
    }
}
