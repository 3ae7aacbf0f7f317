using System.Text.Json.Nodes;
using ServicesSync.Connections;
using ServicesSync.Connectors.Tryton;

namespace ServicesSync.Testing.RealSystems;

/// <summary>
/// What an accountant does once in a new Tryton database before projects can be invoiced: a
/// currency, the company and its user, a chart of accounts from the minimal template (receivable
/// and payable defaults) and a service product sold by the hour. Returns the product id.
/// </summary>
public static class TrytonCompanySetup
{
    public static async Task<int> RunAsync(TrytonRpc rpc, Connection connection, string companyName, CancellationToken ct)
    {
        var currency = await rpc.CreateAsync(connection, "currency.currency", new JsonObject
        {
            ["name"] = "US Dollar", ["symbol"] = "$", ["code"] = "USD", ["digits"] = 2, ["rounding"] = TrytonValues.Decimal(0.01m),
        }, ct);
        var party = await rpc.CreateAsync(connection, "party.party", new JsonObject { ["name"] = companyName }, ct);
        var company = await rpc.CreateAsync(connection, "company.company", new JsonObject { ["party"] = party, ["currency"] = currency }, ct);
        await rpc.ModelAsync(connection, "res.user", "write", new JsonArray(new JsonArray(1), new JsonObject
        {
            ["companies"] = new JsonArray(new JsonArray("add", new JsonArray(company))),
            ["company"] = company,
        }), ct);
        rpc.Forget(connection);
        var context = await rpc.ContextAsync(connection, ct);

        var template = (await rpc.SearchAsync(connection, "account.account.template", new JsonArray(TrytonValues.Clause("parent", "=", null)), ct))[0];
        var wizard = await rpc.CallAsync(connection, "wizard.account.create_chart.create", new JsonArray(context.DeepClone()), ct);
        var session = (int)wizard![0]!;
        await rpc.CallAsync(connection, "wizard.account.create_chart.execute", new JsonArray(session, new JsonObject(), "start", context.DeepClone()), ct);
        await rpc.CallAsync(connection, "wizard.account.create_chart.execute", new JsonArray(
            session, new JsonObject { ["account"] = new JsonObject { ["company"] = company, ["account_template"] = template } }, "create_account", context.DeepClone()), ct);
        var receivable = await AccountAsync(rpc, connection, company, "receivable", ct);
        var payable = await AccountAsync(rpc, connection, company, "payable", ct);
        await rpc.CallAsync(connection, "wizard.account.create_chart.execute", new JsonArray(
            session,
            new JsonObject { ["properties"] = new JsonObject { ["company"] = company, ["account_receivable"] = receivable, ["account_payable"] = payable } },
            "create_properties",
            context.DeepClone()), ct);
        await rpc.CallAsync(connection, "wizard.account.create_chart.delete", new JsonArray(session, context.DeepClone()), ct);

        var hour = (await rpc.SearchAsync(connection, "product.uom", new JsonArray(TrytonValues.Clause("symbol", "=", "h")), ct))[0];
        var category = await rpc.CreateAsync(connection, "product.category", new JsonObject
        {
            ["name"] = "Services",
            ["accounting"] = true,
            ["account_revenue"] = await AccountAsync(rpc, connection, company, "revenue", ct),
            ["account_expense"] = await AccountAsync(rpc, connection, company, "expense", ct),
        }, ct);
        var productTemplate = await rpc.CreateAsync(connection, "product.template", new JsonObject
        {
            ["name"] = "Consulting",
            ["type"] = "service",
            ["default_uom"] = hour,
            ["list_price"] = TrytonValues.Decimal(100m),
            ["account_category"] = category,
            ["products"] = new JsonArray(new JsonArray("create", new JsonArray(new JsonObject()))),
        }, ct);
        return (await rpc.SearchAsync(connection, "product.product", new JsonArray(TrytonValues.Clause("template", "=", productTemplate)), ct))[0];
    }

    private static async Task<int> AccountAsync(TrytonRpc rpc, Connection connection, int company, string type, CancellationToken ct)
        => (await rpc.SearchAsync(connection, "account.account", new JsonArray(
            TrytonValues.Clause("company", "=", company), TrytonValues.Clause($"type.{type}", "=", true)), ct))[0];
}
