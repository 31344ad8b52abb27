using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Files;
using Tfwheel.Processes;

namespace Tfwheel.Compile;

/// <summary>
/// Masks secrets in the --build_event_json_file, which sits in artifacts/ and which CI uploads. Bazel copies
/// its command line into the build events (started.optionsDescription, unstructuredCommandLine,
/// optionsParsed, structuredCommandLine): releases without the credential-option redaction (the Bazel 4 here,
/// for one) write --remote_header values there in clear, and every release records the whole client
/// environment as --client_env=NAME=VALUE (GH_TOKEN, AWS_SECRET_ACCESS_KEY, ...). Header values become ***,
/// and every environment value does too (<see cref="ClientEnvironment"/>).
/// </summary>
public static class BuildEventRedaction
{
    public static void Redact(string path, IReadOnlyCollection<string> secrets)
    {
        if (!File.Exists(path))
        {
            return;
        }

        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            foreach (var line in File.ReadLines(path))
            {
                if (RedactLine(line, secrets) is { } redacted)
                {
                    writer.Write(redacted);
                    writer.Write('\n');
                }
            }
        });
    }

    /// <summary>
    /// The line with secrets masked inside its JSON strings (bazel escapes '=' and quotes as \uXXXX, so
    /// the raw text cannot be searched); null for a line that is not JSON: a build killed mid-write
    /// leaves a truncated last line, which nothing can read and which could hide an escaped value.
    /// </summary>
    private static string? RedactLine(string line, IReadOnlyCollection<string> secrets)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return line;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }

        return Mask(node, secrets) ? node!.ToJsonString() : line;
    }

    /// <summary>Masks every string value under <paramref name="node"/> in place; true when one changed.</summary>
    private static bool Mask(JsonNode? node, IReadOnlyCollection<string> secrets)
    {
        var changed = false;
        if (node is JsonObject obj)
        {
            // structuredCommandLine splits an option: {"optionName":"client_env","optionValue":"NAME=VALUE"}.
            var isClientEnv = obj["optionName"] is JsonValue name && name.TryGetValue<string>(out var option) && option == "client_env";
            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                var bare = isClientEnv && key == "optionValue";
                changed |= MaskChild(obj[key], masked => obj[key] = masked, secrets, bare);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var at = i;
                var bare = at > 0 && array[at - 1] is JsonValue previous && previous.TryGetValue<string>(out var option) && option == "--client_env";
                changed |= MaskChild(array[at], masked => array[at] = masked, secrets, bare);
            }
        }

        return changed;
    }

    private static bool MaskChild(JsonNode? child, Action<string> replace, IReadOnlyCollection<string> secrets, bool bare)
    {
        if (child is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var masked = Redactor.Redact(text, secrets);
            masked = bare ? ClientEnvironment.MaskAssignment(masked) : ClientEnvironment.MaskOptions(masked);
            if (masked == text)
            {
                return false;
            }

            replace(masked);
            return true;
        }

        return Mask(child, secrets);
    }
}
