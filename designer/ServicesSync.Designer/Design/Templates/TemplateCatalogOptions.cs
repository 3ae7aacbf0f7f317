namespace ServicesSync.Designer.Design.Templates;

/// <summary>Where the starter templates live; none when <see cref="Directory"/> is null.</summary>
internal sealed record TemplateCatalogOptions(string? Directory);
