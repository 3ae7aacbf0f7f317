namespace ServicesSync.Validation.Rules;

/// <summary>Each activity has a unique id and a type (and version) this runtime has installed.</summary>
internal sealed class ActivityRules : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var knownTypes = context.Registry.Descriptors.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < context.Activities.Count; i++)
        {
            var node = context.Activities[i];
            var path = PointerPath.Activity(i);
            if (context.IndexOf(node.Id) is { } first && first != i)
            {
                context.Error(
                    ProblemCodes.DuplicateActivityId,
                    $"activity id '{node.Id}' is already used by the activity at {PointerPath.Activity(first)}; every activity needs its own id",
                    PointerPath.Append(path, "id"),
                    node.Id);
            }

            if (!context.Registry.IsKnownType(node.Type))
            {
                context.Error(
                    ProblemCodes.UnknownActivityType,
                    $"unknown activity type '{node.Type}'{Suggestions.DidYouMean(node.Type, knownTypes)}",
                    PointerPath.Append(path, "type"),
                    node.Id);
            }
            else if (context.DescriptorOf(i) is null)
            {
                var versions = context.Registry.Descriptors.Where(d => d.Type == node.Type).Select(d => d.Version);
                context.Error(
                    ProblemCodes.UnknownTypeVersion,
                    $"activity type '{node.Type}' has no version {node.TypeVersion}; installed versions: {string.Join(", ", versions)}",
                    PointerPath.Append(path, "typeVersion"),
                    node.Id);
            }
        }
    }
}
