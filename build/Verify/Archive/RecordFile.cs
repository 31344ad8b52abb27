using System.Text;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// RECORD, the wheel's manifest (packaging.python.org recording-installed-packages): CSV as Python's
/// default csv reader writes it (',' delimiter, '"' quoting, \n or \r\n line ends), rows path,hash,size.
/// </summary>
public static class RecordFile
{
    /// <summary>Parses RECORD; a row with other than three fields is returned as a finding.</summary>
    public static IReadOnlyList<RecordRow> Parse(string text, string recordPath, List<Finding> findings)
    {
        var rows = new List<RecordRow>();
        var line = 0;
        foreach (var fields in ReadCsv(text))
        {
            line++;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != 3)
            {
                findings.Add(Finding.Error(FindingCodes.RecordMalformed, recordPath, $"RECORD line {line} has {fields.Count} fields, not path,hash,size; regenerate RECORD with the wheel tool that built the wheel."));
                continue;
            }

            rows.Add(new RecordRow(fields[0], fields[1], fields[2], line));
        }

        return rows;
    }

    /// <summary>Python csv semantics: quoted fields may hold ',', newlines and doubled quotes.</summary>
    private static IEnumerable<List<string>> ReadCsv(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}

/// <summary>One RECORD row: path, "sha256=..." (may be empty), size (may be empty). <paramref name="Line"/> is 1-based.</summary>
public sealed record RecordRow(string Path, string Hash, string Size, int Line);
