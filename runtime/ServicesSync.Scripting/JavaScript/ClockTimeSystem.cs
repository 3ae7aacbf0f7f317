using System.Globalization;
using Jint.Runtime;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Makes <c>Date.now()</c> and <c>new Date()</c> read the workflow's injected clock, so that scripts
/// see the same time as <c>ctx.now</c> and tests with a fake clock are deterministic.
/// </summary>
internal sealed class ClockTimeSystem : ITimeSystem
{
    private readonly DefaultTimeSystem inner = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public TimeZoneInfo DefaultTimeZone => inner.DefaultTimeZone;

    public DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public TimeSpan GetUtcOffset(long epochMilliseconds) => inner.GetUtcOffset(epochMilliseconds);

    public bool TryParse(string date, out long epochMilliseconds) => inner.TryParse(date, out epochMilliseconds);
}
