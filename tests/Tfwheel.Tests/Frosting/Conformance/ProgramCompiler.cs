using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tfwheel.Tests.Frosting.Conformance;

/// <summary>
/// Compiles one build program's source with Roslyn, in-process, against the .NET runtime, our Cake.Frosting
/// host and the Cake engine: what <c>dotnet build</c> does for a Frosting project (the template's implicit
/// usings included), without a project. Compile errors fail with every diagnostic and its line.
/// </summary>
internal static class ProgramCompiler
{
    /// <summary>The SDK's implicit usings for a console project, which Cake's template turns on.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The host and engine assemblies a Frosting program references, where these tests load them from.</summary>
    public static readonly IReadOnlyList<string> HostAssemblies =
    [
        .. new[]
        {
            typeof(Cake.Frosting.CakeHost), typeof(Cake.Core.ICakeContext), typeof(Cake.Common.ArgumentAliases), typeof(Cake.Cli.BuildScriptHost),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider), typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
        }.Select(t => t.Assembly.Location),
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static void Compile(string sourceFile, string assemblyName, string outputFile)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(File.ReadAllText(sourceFile), parse, sourceFile),
            CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.g.cs"),
        };
        var compilation = CSharpCompilation.Create(
            assemblyName, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = File.Create(outputFile);
        var result = compilation.Emit(output);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(sourceFile)} does not compile against the host:\n" + string.Join('\n', errors.Select(e => e.ToString())));
        }
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = Directory.GetFiles(runtime, "*.dll").Where(IsManaged);
        return [.. framework.Concat(HostAssemblies).Select(path => MetadataReference.CreateFromFile(path))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
