namespace ServicesSync.Validation.Rules;

/// <summary>Layout entries for activities that no longer exist are harmless leftovers, worth a warning.</summary>
internal sealed class LayoutRules : IValidationRule
{
    public void Check(ValidationContext context)
    {
        if (context.Definition.Layout is not { } layout)
        {
            return;
        }

        foreach (var (id, _) in layout)
        {
            if (context.IndexOf(id) is null)
            {
                context.Warning(
                    ProblemCodes.LayoutUnknownActivity,
                    $"the layout has a position for '{id}', which is not an activity of this workflow",
                    PointerPath.Append("/layout", id));
            }
        }
    }
}
