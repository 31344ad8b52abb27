using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Reads one YAML document into a <see cref="RecipeNode"/> tree with YamlDotNet's event parser, keeping the
/// line and column of every key and value. Syntax errors become located problems, never raw exceptions.
/// </summary>
internal static partial class RecipeYamlReader
{
    /// <summary>The deepest nesting read (the schema needs 4 levels); deeper text is refused before it can exhaust the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>; returns null (and adds a problem) when it is not valid YAML.</summary>
    public static RecipeNode? Read(string text, string file, string baseDirectory, List<RecipeProblem> problems, bool commandLine = false)
    {
        var reader = new State(file, baseDirectory, commandLine);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = reader.ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                problems.Add(reader.Mark(second.Start).Problem("a recipe file holds one YAML document; remove the second '---'"));
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            problems.Add(reader.Mark(e.Start).Problem("YAML syntax error: " + Describe(e)));
            return null;
        }
        catch (RecipeSyntaxException e)
        {
            problems.Add(e.Problem);
            return null;
        }
    }

    /// <summary>YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 1) - (...): "; the location is ours to print.</summary>
    private static string Describe(YamlException e)
    {
        var message = MarkPrefix().Replace(e.Message, "").Trim();
        return message.Length == 0 ? "the text cannot be parsed" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class RecipeSyntaxException(RecipeProblem problem) : Exception(problem.Message)
    {
        public RecipeProblem Problem { get; } = problem;
    }

    private sealed class State(string file, string baseDirectory, bool commandLine)
    {
        private readonly Dictionary<string, RecipeNode> _anchors = new(StringComparer.Ordinal);

        /// <summary>Command-line values have no lines worth showing: problems name the override instead.</summary>
        public SourceMark Mark(Mark mark) => commandLine
            ? new(file, 0, 0, baseDirectory)
            : new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), baseDirectory);

        public RecipeNode ReadNode(IParser parser, int depth)
        {
            if (depth > MaxDepth && parser.Current is { } deep)
            {
                throw new RecipeSyntaxException(Mark(deep.Start).Problem($"lists and mappings nest more than {MaxDepth} levels deep; a recipe needs a handful"));
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new RecipeSyntaxException(Mark(alias.Start).Problem($"unknown alias '*{alias.Value.Value}'"));
            }

            RecipeNode node;
            AnchorName anchor;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                anchor = scalar.Anchor;
                node = new RecipeScalar(Mark(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty);
            }
            else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                anchor = sequenceStart.Anchor;
                var items = new List<RecipeNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1));
                }

                node = new RecipeSequence(Mark(sequenceStart.Start), items);
            }
            else
            {
                var mappingStart = parser.Consume<MappingStart>();
                anchor = mappingStart.Anchor;
                var entries = new List<RecipeEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyStart = parser.Current?.Start ?? mappingStart.Start;
                    var key = ReadNode(parser, depth + 1) as RecipeScalar
                        ?? throw new RecipeSyntaxException(Mark(keyStart).Problem("keys must be plain names, not lists or mappings"));
                    entries.Add(new RecipeEntry(key, ReadNode(parser, depth + 1)));
                }

                node = new RecipeMapping(Mark(mappingStart.Start), entries);
            }

            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }
    }
}
