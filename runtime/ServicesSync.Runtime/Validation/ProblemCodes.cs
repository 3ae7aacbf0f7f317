namespace ServicesSync.Validation;

/// <summary>
/// The stable codes of <see cref="ValidationProblem"/>s. Messages may be reworded; codes are what
/// scripts, the designer and tests match on, so they never change once published.
/// </summary>
public static class ProblemCodes
{
    // Reading: the text is not a usable JSON document.
    public const string DefinitionTooLarge = "definition.tooLarge";
    public const string DefinitionEmpty = "definition.empty";
    public const string InvalidUtf8 = "json.invalidUtf8";
    public const string JsonSyntax = "json.syntax";
    public const string DuplicateProperty = "json.duplicateProperty";
    public const string TooDeep = "json.tooDeep";
    public const string NotAnObject = "definition.notAnObject";
    public const string SchemaVersionMissing = "schemaVersion.missing";
    public const string SchemaVersionUnsupported = "schemaVersion.unsupported";

    // Reading: the document does not match the published JSON Schema.
    public const string UnknownProperty = "schema.unknownProperty";
    public const string MissingProperty = "schema.required";
    public const string WrongType = "schema.type";
    public const string InvalidFormat = "schema.pattern";
    public const string ValueNotAllowed = "schema.enum";
    public const string OutOfRange = "schema.range";
    public const string InvalidLength = "schema.length";
    public const string DuplicateItem = "schema.uniqueItems";
    public const string SchemaViolation = "schema.invalid";
    public const string InvalidValue = "definition.invalidValue";
    public const string TooManyProblems = "definition.tooManyProblems";

    // Validation: activities and their types.
    public const string DuplicateActivityId = "activity.duplicateId";
    public const string UnknownActivityType = "activity.unknownType";
    public const string UnknownTypeVersion = "activity.unknownTypeVersion";
    public const string InvalidTimeout = "activity.timeout";
    public const string InvalidMaxAttempts = "retry.maxAttempts";
    public const string InvalidRetryDelay = "retry.delay";

    // Validation: connections.
    public const string UnknownConnectionSource = "connection.unknownFrom";
    public const string UnknownConnectionTarget = "connection.unknownTo";
    public const string UnknownOutcome = "connection.unknownOutcome";
    public const string AmbiguousOutcome = "connection.ambiguousOutcome";
    public const string DuplicateConnection = "connection.duplicate";
    public const string ConnectionIntoTrigger = "connection.intoTrigger";

    // Validation: the graph as a whole.
    public const string NoTrigger = "graph.noTrigger";
    public const string Unreachable = "graph.unreachable";
    public const string Cycle = "graph.cycle";
    public const string ForEachBodyEnteredFromOutside = "forEach.enteredFromOutside";
    public const string TriggerInForEachBody = "forEach.triggerInBody";
    public const string VariableSetInParallelBody = "forEach.variableInParallelBody";
    public const string JoinTooFewIncoming = "join.tooFewIncoming";

    // Validation: input values and expressions.
    public const string UnknownInput = "input.unknown";
    public const string MissingInput = "input.required";
    public const string InputTypeMismatch = "input.type";
    public const string ExpressionNotAllowed = "input.expressionNotAllowed";
    public const string MalformedExpression = "input.malformedExpression";
    public const string UnknownExpressionLanguage = "expression.unknownLanguage";
    public const string ExpressionError = "expression.error";

    // Validation: designer data.
    public const string LayoutUnknownActivity = "layout.unknownActivity";

    /// <summary>An activity type's own design-time check refused an input (a script that does not compile).</summary>
    public const string InputRejected = "input.rejected";
}
