namespace ServicesSync.Execution.State;

/// <summary>
/// The resumable state of one instance: its pending, suspended and faulted work, the joins
/// waiting for branches and the for-each executions in progress.
/// </summary>
internal sealed class ExecutionState
{
    public long NextTokenId { get; set; } = 1;

    public List<Token> Tokens { get; } = [];

    public Dictionary<string, JoinState> Joins { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LoopState> Loops { get; } = new(StringComparer.Ordinal);

    /// <summary>The message of the last top-level path that ended: the run's output.</summary>
    public Message? Output { get; set; }

    /// <summary>
    /// How many times start-up recovery resumed this run since it last stopped cleanly (or was
    /// retried). Kept in the state so every store persists it without a schema change.
    /// </summary>
    public int CrashResumes { get; set; }

    /// <summary>
    /// Set by a graceful shutdown that let the run's activities finish or stop: the next resume
    /// is not counted as a crash resume.
    /// </summary>
    public bool StoppedCleanly { get; set; }

    /// <summary>The key of a for-each execution: the scope it runs in plus its activity id.</summary>
    public static string LoopKey(string scope, string activityId)
        => scope.Length == 0 ? activityId : $"{scope}/{activityId}";

    /// <summary>The scope of item <paramref name="index"/> of the for-each <paramref name="loopKey"/>.</summary>
    public static string ItemScope(string loopKey, int index) => $"{loopKey}[{index}]";

    public static string JoinKey(string scope, string activityId) => $"{scope}|{activityId}";

    /// <summary>
    /// Splits an item scope (<c>outer[1]/inner[4]</c>) into its loop key (<c>outer[1]/inner</c>)
    /// and index (4). False for the top-level scope.
    /// </summary>
    public static bool TryParseItemScope(string scope, out string loopKey, out int index)
    {
        loopKey = "";
        index = -1;
        if (scope.Length == 0 || scope[^1] != ']')
        {
            return false;
        }

        var open = scope.LastIndexOf('[');
        if (open <= 0 || !int.TryParse(scope.AsSpan(open + 1, scope.Length - open - 2), out index))
        {
            return false;
        }

        loopKey = scope[..open];
        return true;
    }

    /// <summary>The scope enclosing an item scope's loop (<c>outer[1]</c> for <c>outer[1]/inner[4]</c>).</summary>
    public static string ParentScope(string loopKey)
    {
        var slash = loopKey.LastIndexOf('/');
        return slash < 0 ? "" : loopKey[..slash];
    }

    public Token AddToken(string activityId, string scope, Message message, string? sourceActivityId)
    {
        var token = new Token(NextTokenId++, activityId, scope, message, sourceActivityId);
        Tokens.Add(token);
        return token;
    }

    /// <summary>Whether any token or waiting join lives in <paramref name="scope"/> or a scope nested in it.</summary>
    public bool HasWorkIn(string scope, bool countJoins)
    {
        foreach (var token in Tokens)
        {
            if (IsWithin(token.Scope, scope))
            {
                return true;
            }
        }

        if (countJoins)
        {
            foreach (var join in Joins.Values)
            {
                if (!join.Fired && IsWithin(join.Scope, scope))
                {
                    return true;
                }
            }
        }

        foreach (var loop in Loops.Values)
        {
            if (IsWithin(loop.Scope, scope))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsWithin(string candidate, string scope)
        => scope.Length == 0
           || (candidate.StartsWith(scope, StringComparison.Ordinal)
               && (candidate.Length == scope.Length || candidate[scope.Length] == '/'));
}
