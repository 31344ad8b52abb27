namespace Tfwheel.Tests.Workflows;

/// <summary>
/// Evaluates the part of GitHub Actions' expression language the workflows use (docs: "Evaluate expressions
/// in workflows and actions"): context paths (github.event_name, inputs.x, matrix.x), 'string' literals,
/// true/false/null, ==, !=, !, &amp;&amp;, || (which return an operand, as in JavaScript) and parentheses.
/// Strings compare case-insensitively, as on GitHub. Anything else is an error, so a workflow using more
/// must extend this rather than be checked wrongly.
/// </summary>
internal sealed class WorkflowExpression
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, object?> _context;
    private int _pos;

    private WorkflowExpression(string text, IReadOnlyDictionary<string, object?> context) => (_text, _context) = (text, context);

    /// <summary>A value with ${{ }} parts interpolated: a whole ${{ x }} keeps x's type, mixed text becomes a string.</summary>
    public static object? Interpolate(string value, IReadOnlyDictionary<string, object?> context)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) && trimmed.IndexOf("${{", 3, StringComparison.Ordinal) < 0)
        {
            return Evaluate(trimmed[3..^2], context);
        }

        var result = new System.Text.StringBuilder();
        var at = 0;
        while (value.IndexOf("${{", at, StringComparison.Ordinal) is var open and >= 0)
        {
            var close = value.IndexOf("}}", open, StringComparison.Ordinal);
            result.Append(value, at, open - at).Append(Text(Evaluate(value[(open + 3)..close], context)));
            at = close + 2;
        }

        return result.Append(value, at, value.Length - at).ToString();
    }

    /// <summary>An `if:` condition: bare or in ${{ }}, true when truthy.</summary>
    public static bool Condition(string? condition, IReadOnlyDictionary<string, object?> context)
    {
        if (condition is null)
        {
            return true;
        }

        var text = condition.Trim();
        return Truthy(text.StartsWith("${{", StringComparison.Ordinal) ? Interpolate(text, context) : Evaluate(text, context));
    }

    public static object? Evaluate(string text, IReadOnlyDictionary<string, object?> context)
    {
        var e = new WorkflowExpression(text, context);
        var value = e.Or();
        e.Skip();
        return e._pos == text.Length ? value : throw new FormatException($"unexpected '{text[e._pos..]}' in expression '{text}'");
    }

    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        _ => true,
    };

    public static string Text(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        _ => v.ToString() ?? "",
    };

    private object? Or()
    {
        var left = And();
        while (Eat("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Equality();
        while (Eat("&&"))
        {
            var right = Equality();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Equality()
    {
        var left = Unary();
        while (true)
        {
            if (Eat("=="))
            {
                left = Equal(left, Unary());
            }
            else if (Eat("!="))
            {
                left = !Equal(left, Unary());
            }
            else
            {
                return left;
            }
        }
    }

    private object? Unary() => Eat("!") ? !Truthy(Unary()) : Primary();

    private object? Primary()
    {
        Skip();
        if (Eat("("))
        {
            var inner = Or();
            return Eat(")") ? inner : throw new FormatException($"missing ')' in '{_text}'");
        }

        if (_pos < _text.Length && _text[_pos] == '\'')
        {
            var end = _text.IndexOf('\'', _pos + 1);
            var literal = _text[(_pos + 1)..end];
            _pos = end + 1;
            return literal;
        }

        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '.' or '_' or '-'))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        return word switch
        {
            "" => throw new FormatException($"expected a value at '{_text[start..]}' in '{_text}'"),
            "true" => true,
            "false" => false,
            "null" => null,
            _ when word.Contains('.') => _context.TryGetValue(word, out var v) ? v : null,
            _ => throw new FormatException($"'{word}' is not supported in '{_text}' (extend WorkflowExpression)"),
        };
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase),
        (bool x, bool y) => x == y,
        _ => false,
    };

    private bool Eat(string token)
    {
        Skip();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0 && !(token == "!" && _pos + 1 < _text.Length && _text[_pos + 1] == '='))
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    private void Skip()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}
