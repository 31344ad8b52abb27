using System.Reflection;
using System.Reflection.Emit;

namespace Tfwheel.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which, read from the compiled code itself: signatures, base
/// types, attributes and every type, method and field token in the method bodies (IL). Compiler-made
/// types (closures, async state machines) count for the namespace of the type they are nested in.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges) => Edges = edges;

    /// <summary>namespace -> the namespaces of the same assembly it uses (never itself).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    public static NamespaceGraph Of(Assembly assembly, string prefix)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null || !from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var set = edges.TryGetValue(from, out var s) ? s : edges[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in UsedTypes(type).Where(t => t.Assembly == assembly))
            {
                if (NamespaceOf(used) is { } to && to != from && to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    set.Add(to);
                }
            }
        }

        return new NamespaceGraph(edges.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal));
    }

    /// <summary>The cycles, each as the path a -> b -> ... -> a; empty when the graph is a DAG.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in Edges.TryGetValue(node, out var n) ? n.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycles.Add(string.Join(" -> ", stack.Skip(stack.IndexOf(next)).Append(next)));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in Edges.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0))
        {
            Visit(node);
        }

        return cycles;
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } b)
        {
            found.Add(b);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().SelectMany(AttributeTypes));
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }

            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(method.GetCustomAttributesData().SelectMany(AttributeTypes));
            found.AddRange(BodyTypes(method));
        }

        return found.SelectMany(Expand);
    }

    private static IEnumerable<Type> AttributeTypes(CustomAttributeData data) =>
        data.ConstructorArguments.Select(a => a.Value).OfType<Type>().Prepend(data.AttributeType);

    /// <summary>A type with its generic arguments, array element and by-ref target.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Prepend(type.GetGenericTypeDefinition()) : [type];
    }

    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short code = il[i++];
            if (code == 0xFE)
            {
                code = (short)(0xFE00 | il[i++]);
            }

            var operand = Operands[code];
            var size = operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (operand is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = Resolve(module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (member is Type t)
                {
                    yield return t;
                }
                else if (member?.DeclaringType is { } owner)
                {
                    yield return owner;
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (var arg in generic.GetGenericArguments())
                        {
                            yield return arg;
                        }
                    }
                }
            }

            i += size;
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            return null; // a token into another module's generic context: not one of ours to follow
        }
    }
}
