using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Schemas;

namespace ServicesSync.Canonical.Tests;

public class CanonicalSchemaTests
{
    private static CanonicalSchemaProvider Provider() => new CanonicalSchemaProvider();

    private static JsonSchema Build(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    [Fact]
    public void Schemas_CoverEveryEntityInVersionOne()
    {
        var schemas = Provider().Schemas;

        Assert.Equal(CanonicalEntities.Types.Keys.Order(StringComparer.Ordinal), schemas.Select(s => s.Entity));
        Assert.All(schemas, s =>
        {
            Assert.Equal(1, s.Version);
            Assert.True(s.Latest);
            Assert.Equal($"https://servicessync.dev/schemas/canonical/{s.Entity}/1.json", s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
        });
    }

    [Fact]
    public void EveryEntitySample_IsValidAgainstItsSchema()
    {
        var provider = Provider();
        foreach (var (name, entity) in CanonicalMother.All())
        {
            var schema = Build(provider.GetSchema(name)!);
            var instance = JsonSerializer.SerializeToElement(entity, CanonicalEntities.Types[name], CanonicalJson.Options);

            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

            Assert.True(result.IsValid, $"{name}: {string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")))}");
        }
    }

    [Fact]
    public void MinimalEntities_AreValidToo()
    {
        var provider = Provider();
        var minimal = new Dictionary<string, object>
        {
            [CanonicalEntities.Worker] = new Worker(),
            [CanonicalEntities.Project] = new Project { Name = "P", Currency = "EUR" },
            [CanonicalEntities.RateCard] = new RateCard { Id = "default", Currency = "EUR" },
        };
        foreach (var (name, entity) in minimal)
        {
            var instance = JsonSerializer.SerializeToElement(entity, CanonicalEntities.Types[name], CanonicalJson.Options);
            Assert.True(Build(provider.GetSchema(name)!).Evaluate(instance).IsValid, name);
        }
    }

    [Theory]
    [InlineData(CanonicalEntities.TimeEntry, "nickname")]
    [InlineData(CanonicalEntities.Worker, "salary")]
    public void Schemas_RejectUnknownProperties(string entity, string property)
    {
        var sample = JsonSerializer.SerializeToNode(CanonicalMother.All()[entity], CanonicalEntities.Types[entity], CanonicalJson.Options)!.AsObject();
        sample[property] = "x";

        Assert.False(Build(Provider().GetSchema(entity)!).Evaluate(JsonSerializer.SerializeToElement(sample)).IsValid);
    }

    [Fact]
    public void WorkerSchema_AcceptsNullAsClearedButRejectsAWrongType()
    {
        var schema = Build(Provider().GetSchema(CanonicalEntities.Worker)!);

        Assert.True(schema.Evaluate(JsonDocument.Parse("""{"email":null,"status":null}""").RootElement).IsValid);
        Assert.False(schema.Evaluate(JsonDocument.Parse("""{"status":"retired"}""").RootElement).IsValid);
        Assert.False(schema.Evaluate(JsonDocument.Parse("""{"costCenter":"CC-1"}""").RootElement).IsValid);
    }

    [Fact]
    public void AddCanonicalModel_RegistersTheProviderOnce()
    {
        var services = new ServiceCollection().AddCanonicalModel().AddCanonicalModel();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(ICanonicalSchemaProvider));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void GetSchema_UnknownEntityOrVersion_IsNull()
    {
        var provider = Provider();

        Assert.Null(provider.GetSchema("employee"));
        Assert.Null(provider.GetSchema(CanonicalEntities.Worker, 2));
        Assert.NotNull(provider.GetSchema(CanonicalEntities.Worker, 1));
    }
}
