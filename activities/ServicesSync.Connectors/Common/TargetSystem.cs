using ServicesSync.Connections;

namespace ServicesSync.Connectors.Common;

internal static class TargetSystem
{
    /// <summary>
    /// The system name a connection's ids are filed under in the cross-reference table: the
    /// connection's <c>system</c> property, else its type (two Tryton databases need two names).
    /// </summary>
    public static string Of(Connection connection)
        => connection.Definition.Properties.TryGetValue("system", out var system) && system.Length > 0 ? system : connection.Type;
}
