using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// The interpolated-string handler of snippets: <c>$"{a}{b}…"</c> is rewritten to
/// <see cref="Guard.Interpolate"/>, so every hole is measured before it is appended and the string
/// never grows past <c>Limits.MaxStringLength</c> — the compiler's own handler would gather all
/// the holes first (one per hole times the limit) and be stopped only by the next memory check.
/// Formatting is the compiler's (<see cref="DefaultInterpolatedStringHandler"/>, current culture).
/// Public only because generated code names it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[InterpolatedStringHandler]
public ref struct GuardedString
{
    private DefaultInterpolatedStringHandler inner;
    private long length;

    public GuardedString(int literalLength, int formattedCount)
    {
        Grow(literalLength);
        inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount);
    }

    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    public void AppendFormatted(string? value, int alignment = 0, string? format = null)
    {
        Grow(Math.Max(value?.Length ?? 0, Math.Abs((long)alignment)));
        inner.AppendFormatted(value, alignment, format);
    }

    public void AppendFormatted<T>(T value, int alignment = 0, string? format = null)
    {
        // Formatted first, so its length is known before it joins the string.
        var text = value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString();
        AppendFormatted(text, alignment);
    }

    public string ToStringAndClear() => inner.ToStringAndClear();

    private void Grow(long count)
    {
        length += count;
        Guard.Text(length);
    }
}
