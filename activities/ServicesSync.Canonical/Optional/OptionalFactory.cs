namespace ServicesSync.Canonical;

/// <summary>Creates <see cref="Optional{T}"/> values where the implicit conversion does not read well.</summary>
public static class Optional
{
    /// <summary>A provided value (null included: a field the source says is empty).</summary>
    public static Optional<T> Of<T>(T value) => new(value);

    /// <summary>A value the source did not provide.</summary>
    public static Optional<T> Unknown<T>() => default;
}
