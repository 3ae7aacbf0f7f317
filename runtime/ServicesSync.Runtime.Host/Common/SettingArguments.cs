using System.CommandLine;
using ServicesSync.Composition.Settings;

namespace ServicesSync.Host.Common;

/// <summary>
/// Settings given on the command line as <c>--Section:Key=value</c> (docs/cli.md), e.g.
/// <c>serve --ServicesSync:Scripting:Isolation=WorkerProcess</c>: the parser leaves them
/// unmatched and they go to the host's configuration. Any other unmatched token is a usage error.
/// </summary>
internal static class SettingArguments
{
    /// <summary>Lets <paramref name="command"/> accept setting arguments beside its options.</summary>
    public static Command AcceptSettings(this Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    public static string[] From(ParseResult parse)
    {
        var settings = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
        {
            if (!IsSetting(token))
            {
                throw new CliException(
                    ExitCodes.InvalidInput,
                    $"Unrecognized argument '{token}'; a setting is written --Section:Key=value (e.g. --ServicesSync:Runtime:MaxCrashResumes=5).");
            }

            settings.Add(token);
        }

        return [.. settings];
    }

    public static bool IsSetting(string token)
        => token.StartsWith("--", StringComparison.Ordinal)
           && token.IndexOf('=', StringComparison.Ordinal) is var equals and > 2
           && token.AsSpan(2, equals - 2).Contains(':');

    /// <summary>The one-line failure of a host whose settings do not hold.</summary>
    public static CliException Invalid(IEnumerable<string> problems)
        => new(ExitCodes.InvalidInput, $"invalid settings: {string.Join("; ", problems.Select(p => p.TrimEnd('.')))}.");

    /// <summary>The settings failure behind an exception of the host's build or start, or null.</summary>
    public static CliException? InvalidFrom(Exception exception)
        => SettingsServiceCollectionExtensions.SettingProblemsIn(exception) is { } problems ? Invalid(problems) : null;
}
