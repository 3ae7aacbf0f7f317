using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Composition;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Registry;

namespace ServicesSync.Runtime.Host.Tests.Security;

/// <summary>
/// No activity the product ships may take a secret as an input: a definition is exported,
/// templated, journaled and shown in the designer, so a value there leaks. Secrets live
/// encrypted in connections (an input with the connection editor) or in server settings named
/// by a literal (the secret editor, never an expression, so no value can be computed into it).
/// </summary>
public class ActivityInputSecretsTests
{
    private static readonly string[] SecretWords =
        ["secret", "password", "passwd", "token", "apikey", "api_key", "clientsecret", "privatekey", "credential", "accesskey", "signingkey"];

    private static IReadOnlyList<ActivityDescriptor> ProductDescriptors()
    {
        using var provider = new ServiceCollection().AddLogging().AddInMemoryStore().AddServicesSyncProduct(dataDirectory: null).BuildServiceProvider();
        return [.. provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor)];
    }

    [Fact]
    public void EveryProductActivity_TakesSecretsOnlyByReference()
    {
        var descriptors = ProductDescriptors();

        var offenders = descriptors
            .SelectMany(d => d.Inputs.Select(i => (d.Type, Input: i)))
            .Where(p => LooksSecret(p.Input.Name) && !IsReference(p.Input))
            .Select(p => $"{p.Type}.{p.Input.Name} (editor '{p.Input.Editor}', expressions {(p.Input.ExpressionCapable ? "allowed" : "not allowed")})")
            .ToList();

        Assert.True(descriptors.Count > 40, $"Only {descriptors.Count} activities are registered; the scan would prove little.");
        Assert.True(offenders.Count == 0, "Inputs that look like secrets but are not a connection or a literal secret reference:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheReaders_NameAConnection()
    {
        var readers = ProductDescriptors().Where(d => d.Type is "bamboohr.getEmployee" or "bamboohr.changedEmployees" or "workday.getWorkers"
            or "jira.worklogEvent" or "tempo.approval" or "salesforce.opportunity").ToList();

        Assert.Equal(6, readers.Count);
        Assert.All(readers, d => Assert.Equal(EditorHints.Connection, d.FindInput("connection")?.Editor));
    }

    [Theory]
    [InlineData("apiKey", true)]
    [InlineData("clientSecret", true)]
    [InlineData("accessToken", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("privateKey", true)]
    [InlineData("connection", false)]
    [InlineData("tokenizer", true)]
    [InlineData("employeeId", false)]
    public void LooksSecret_MatchesTheUsualNamesWhateverTheirCase(string name, bool expected)
        => Assert.Equal(expected, LooksSecret(name));

    private static bool LooksSecret(string name)
    {
        var lower = name.ToLowerInvariant();
        return SecretWords.Any(word => lower.Contains(word, StringComparison.Ordinal));
    }

    private static bool IsReference(InputDescriptor input)
        => input.Editor == EditorHints.Connection
           || (input.Editor == EditorHints.Secret && !input.ExpressionCapable && input.Type == InputTypes.String);
}
