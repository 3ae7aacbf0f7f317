using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Instrumentation adds code on the user's lines (never new lines), which moves columns. This map,
/// stored in the snippet assembly itself so that a cached assembly carries it, takes a position
/// the runtime reports back to where the user wrote that statement.
/// </summary>
internal sealed class PositionMap
{
    public const string ResourceName = "ServicesSync.Snippet.Positions";
    private readonly Dictionary<(int, int), (int, int)> moves;

    private PositionMap(Dictionary<(int, int), (int, int)> moves) => this.moves = moves;

    public static byte[] Build(SyntaxTree original, SyntaxTree instrumented)
    {
        var text = new StringBuilder();
        foreach (var node in instrumented.GetRoot().GetAnnotatedNodes(GuardRewriter.PositionAnnotation))
        {
            var data = node.GetAnnotations(GuardRewriter.PositionAnnotation).First().Data!;
            var now = instrumented.GetMappedLineSpan(node.Span).StartLinePosition;
            var then = original.GetMappedLineSpan(new TextSpan(int.Parse(data, CultureInfo.InvariantCulture), 0)).StartLinePosition;
            if (now != then)
            {
                text.Append(CultureInfo.InvariantCulture, $"{now.Line + 1}:{now.Character + 1}={then.Line + 1}:{then.Character + 1}\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static PositionMap Read(Assembly assembly)
    {
        var moves = new Dictionary<(int, int), (int, int)>();
        using var stream = assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return new PositionMap(moves);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('=', ':');
            if (parts.Length == 4)
            {
                var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                moves.TryAdd((numbers[0], numbers[1]), (numbers[2], numbers[3]));
            }
        }

        return new PositionMap(moves);
    }

    public (int Line, int Column) ToUser(int line, int column)
        => moves.TryGetValue((line, column), out var moved) ? moved : (line, column);
}
