namespace ServicesSync.Validation.Rules;

/// <summary>Graph algorithms over activity indexes, iterative so that a huge definition cannot overflow the stack.</summary>
internal static class GraphIndex
{
    public static List<int>[] Successors(ValidationContext context)
    {
        var successors = Enumerable.Range(0, context.Activities.Count).Select(_ => new List<int>()).ToArray();
        foreach (var edge in context.Edges)
        {
            successors[edge.From].Add(edge.To);
        }

        return successors;
    }

    /// <summary>Every index reachable from <paramref name="starts"/> (included), never passing through <paramref name="barrier"/>.</summary>
    public static bool[] Reachable(List<int>[] successors, IEnumerable<int> starts, int? barrier = null)
    {
        var reached = new bool[successors.Length];
        var pending = new Stack<int>();
        foreach (var start in starts)
        {
            if (start != barrier && !reached[start])
            {
                reached[start] = true;
                pending.Push(start);
            }
        }

        while (pending.TryPop(out var node))
        {
            foreach (var next in successors[node])
            {
                if (next != barrier && !reached[next])
                {
                    reached[next] = true;
                    pending.Push(next);
                }
            }
        }

        return reached;
    }

    /// <summary>One cycle per strongly connected component that has one (Tarjan), in activity order.</summary>
    public static IEnumerable<Cycle> Cycles(ValidationContext context, List<int>[] successors)
    {
        foreach (var component in StronglyConnected(successors))
        {
            var start = component.Min();
            if (component.Count == 1 && !successors[start].Contains(start))
            {
                continue;
            }

            yield return TraceCycle(context, successors, start, component.ToHashSet());
        }
    }

    // Breadth-first from the component's first activity back to itself: the shortest loop through it.
    private static Cycle TraceCycle(ValidationContext context, List<int>[] successors, int start, HashSet<int> component)
    {
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in successors[node].Where(component.Contains))
            {
                if (next == start)
                {
                    var path = new List<int> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    var closing = context.Edges.First(e => e.From == node && e.To == start).ConnectionIndex;
                    return new Cycle(path, closing);
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException("A strongly connected component without a cycle through its first node.");
    }

    private static List<List<int>> StronglyConnected(List<int>[] successors)
    {
        var count = successors.Length;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var nextIndex = 0;
        var work = new Stack<(int Node, int Child)>();
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.TryPop(out var frame))
            {
                var (node, child) = frame;
                if (child == 0)
                {
                    index[node] = low[node] = nextIndex++;
                    stack.Push(node);
                    onStack[node] = true;
                }
                else
                {
                    low[node] = Math.Min(low[node], low[successors[node][child - 1]]);
                }

                var descended = false;
                for (; child < successors[node].Count; child++)
                {
                    var next = successors[node][child];
                    if (index[next] < 0)
                    {
                        work.Push((node, child + 1));
                        work.Push((next, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[next])
                    {
                        low[node] = Math.Min(low[node], index[next]);
                    }
                }

                if (descended || low[node] != index[node])
                {
                    continue;
                }

                var component = new List<int>();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        return components;
    }
}

/// <summary>Activity indexes around a loop, first repeated last, and the connection that closes it.</summary>
internal sealed record Cycle(IReadOnlyList<int> Activities, int ClosingConnection);
