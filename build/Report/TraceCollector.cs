using System.Text.Json;

namespace Tfwheel.Report;

/// <summary>
/// The token-level state machine behind <see cref="TraceProfileReader"/>: it sees one JSON token at a time
/// (the buffer may end anywhere) and keeps only bounded state. Events are the objects of the root's
/// "traceEvents" array (or of a root array, which the trace format also allows).
/// </summary>
internal sealed class TraceCollector
{
    private const int MaxNameChars = 300;
    private const int MaxKinds = 48;
    private const int MaxPhases = 64;
    private const long MaxMicros = 1L << 52; // ~142 years: larger values are damage, clamped so sums cannot overflow

    private readonly PriorityQueue<TraceAction, long> _longest = new();
    private readonly List<TraceAction> _criticalPath = [];
    private readonly Dictionary<string, (long Count, long Total)> _kinds = new(StringComparer.Ordinal);
    private readonly List<TracePhase> _phases = [];
    private long _start = long.MaxValue;
    private long _end = long.MinValue;
    private long _actions;

    private int _eventDepth = -1;
    private string? _property;
    private string? _cat;
    private string? _name;
    private string? _ph;
    private long _ts;
    private long _dur;

    public void Token(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray when depth == 0:
                _eventDepth = 1;
                break;
            case JsonTokenType.StartArray when depth == 1 && _eventDepth < 0 && _property == "traceEvents":
                _eventDepth = 2;
                break;
            case JsonTokenType.EndArray when depth == _eventDepth - 1:
                _eventDepth = -2; // events done; the rest of the file (otherData) is ignored
                break;
            case JsonTokenType.StartObject when depth == _eventDepth:
                (_cat, _name, _ph, _ts, _dur) = (null, null, null, 0, 0);
                break;
            case JsonTokenType.EndObject when depth == _eventDepth:
                Finish();
                break;
            case JsonTokenType.PropertyName when depth == 1 || (_eventDepth > 0 && depth == _eventDepth + 1):
                _property = reader.GetString();
                break;
            // An event's own fields sit one level below it; values inside "args" and deeper are not read.
            case JsonTokenType.String when _eventDepth > 0 && depth == _eventDepth + 1:
                OnString(reader.GetString() ?? "");
                break;
            case JsonTokenType.Number when _eventDepth > 0 && depth == _eventDepth + 1:
                var value = reader.TryGetInt64(out var l) ? l : (long)Math.Clamp(reader.GetDouble(), -MaxMicros, MaxMicros);
                OnNumber(Math.Clamp(value, -MaxMicros, MaxMicros));
                break;
        }
    }

    private void OnString(string text)
    {
        switch (_property)
        {
            case "cat":
                _cat = text;
                break;
            case "name":
                _name = text.Length > MaxNameChars ? text[..MaxNameChars] + "…" : text;
                break;
            case "ph":
                _ph = text;
                break;
        }
    }

    private void OnNumber(long value)
    {
        switch (_property)
        {
            case "ts":
                _ts = value;
                break;
            case "dur":
                _dur = value;
                break;
        }
    }

    public TraceProfile Result()
    {
        var longest = _longest.UnorderedItems.Select(i => i.Element).OrderBy(a => a.StartMicros).ToList();
        var kinds = _kinds.Select(k => new ActionKindTotal(k.Key, k.Value.Count, k.Value.Total)).OrderByDescending(k => k.TotalMicros).ToList();
        var start = _start == long.MaxValue ? 0 : _start;
        return new TraceProfile(start, Math.Max(start, _end), _actions, longest, [.. _criticalPath.OrderBy(c => c.StartMicros)], kinds, _phases);
    }

    private void Finish()
    {
        if (_name is null)
        {
            return;
        }

        switch (_cat, _ph)
        {
            case ("action processing", "X"):
                var action = TraceAction.Create(_name, _ts, _dur);
                _actions++;
                Extend(action.StartMicros, action.EndMicros);
                var kind = _kinds.ContainsKey(action.Kind) || _kinds.Count < MaxKinds ? action.Kind : "other";
                var (count, total) = _kinds.GetValueOrDefault(kind);
                _kinds[kind] = (count + 1, total + action.DurationMicros);
                _longest.Enqueue(action, action.DurationMicros);
                if (_longest.Count > TraceProfileReader.KeptActions)
                {
                    _longest.Dequeue(); // the shortest goes: a min-heap of the longest
                }

                break;
            case ("critical path component", "X") when _criticalPath.Count < TraceProfileReader.KeptCriticalPath:
                _criticalPath.Add(TraceAction.Create(_name, _ts, _dur));
                break;
            case ("build phase marker", "i") when _phases.Count < MaxPhases:
                _phases.Add(new TracePhase(_name, _ts));
                Extend(_ts, _ts);
                break;
        }
    }

    private void Extend(long start, long end)
    {
        _start = Math.Min(_start, start);
        _end = Math.Max(_end, end);
    }
}
