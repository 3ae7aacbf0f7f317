using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Expressions;
using ServicesSync.Json;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// Every input an activity is given is one it declares, every required one is given, and each
/// literal has the declared type. Expressions are left to <see cref="ExpressionRules"/>.
/// </summary>
internal sealed class InputRules : IValidationRule
{
    public void Check(ValidationContext context)
    {
        for (var i = 0; i < context.Activities.Count; i++)
        {
            if (context.DescriptorOf(i) is not { } descriptor)
            {
                continue;
            }

            var node = context.Activities[i];
            var inputsPath = PointerPath.Append(PointerPath.Activity(i), "inputs");
            foreach (var (name, value) in node.Inputs)
            {
                var path = PointerPath.Append(inputsPath, name);
                if (descriptor.FindInput(name) is not { } input)
                {
                    var known = descriptor.Inputs.Select(d => d.Name).ToArray();
                    var hint = Suggestions.DidYouMean(name, known) is { Length: > 0 } suggestion
                        ? suggestion
                        : known.Length == 0 ? "; it takes no inputs" : $"; its inputs are: {string.Join(", ", known)}";
                    context.Error(ProblemCodes.UnknownInput, $"activity {context.Describe(i)} has no input '{name}'{hint}", path, node.Id);
                }
                else if (value is not null && !HasExpressionKey(value) && Mismatch(input, value) is { } expected)
                {
                    context.Error(
                        ProblemCodes.InputTypeMismatch,
                        $"input '{name}' must be {expected}; found {JsonKinds.Actual(value)} {JsonKinds.Preview(value)}",
                        path,
                        node.Id);
                }
            }

            foreach (var input in descriptor.Inputs.Where(d => d.Required && node.Inputs[d.Name] is null))
            {
                context.Error(
                    ProblemCodes.MissingInput,
                    $"activity {context.Describe(i)} needs a value for its required input '{input.Name}'",
                    PointerPath.Append(inputsPath, input.Name),
                    node.Id);
            }
        }
    }

    internal static bool HasExpressionKey(JsonNode value)
        => value is JsonObject obj && obj.ContainsKey(Expression.PropertyName);

    /// <summary>What the literal should have been, or null when it fits the declared type.</summary>
    private static string? Mismatch(InputDescriptor input, JsonNode value)
    {
        var kind = value.GetValueKind();
        return input.Type switch
        {
            InputTypes.String when kind != JsonValueKind.String => "text",
            InputTypes.Number when kind != JsonValueKind.Number => "a number",
            InputTypes.Integer when kind != JsonValueKind.Number || !JsonKinds.IsWholeNumber(value.ToJsonString()) => "a whole number",
            InputTypes.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => "true or false",
            InputTypes.Object when kind != JsonValueKind.Object => "an object ({ … })",
            InputTypes.Array when kind != JsonValueKind.Array => "a list ([ … ])",
            InputTypes.Enum when kind != JsonValueKind.String || (input.Options is { } options && !options.Contains(value.GetValue<string>())) =>
                $"one of: {string.Join(", ", input.Options ?? [])}",
            InputTypes.Duration when kind != JsonValueKind.String || !Iso8601Duration.TryParse(value.GetValue<string>(), out _) =>
                "an ISO 8601 duration such as PT30S, PT5M or P1DT2H",
            _ => null,
        };
    }
}
