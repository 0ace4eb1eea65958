namespace Registry.Web.Features.Search.Index;

/// <summary>
/// A replica folder holds whole index generations side by side and a small pointer file naming the
/// current one. A rebuild writes a new generation and then replaces the pointer with an atomic rename,
/// so a reader sees either the old index or the new one, never a half-built one.
/// </summary>
public sealed class IndexGenerations(string root)
{
    private const string PointerFile = "CURRENT";
    private const string Prefix = "gen-";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The current generation's folder, or null when the replica has never been built.</summary>
    public string? Current()
    {
        var pointer = Path.Combine(Root, PointerFile);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = File.ReadAllText(pointer).Trim();
        var folder = Path.Combine(Root, name);
        return name.StartsWith(Prefix, StringComparison.Ordinal) && Directory.Exists(folder) ? folder : null;
    }

    public string CreateNext()
    {
        Directory.CreateDirectory(Root);
        var name = Prefix + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void MakeCurrent(string folder)
    {
        var temporary = Path.Combine(Root, PointerFile + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temporary, Path.GetFileName(folder));
        File.Move(temporary, Path.Combine(Root, PointerFile), overwrite: true);
    }

    /// <summary>Removes generations other than the current one and the <paramref name="keep"/> newest others.</summary>
    public void RemoveOld(int keep = 1)
    {
        var current = Current();
        var old = Directory.EnumerateDirectories(Root, Prefix + "*")
            .Where(d => !string.Equals(d, current, StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal)
            .Skip(keep);
        foreach (var folder in old)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Still open somewhere (a slow reader); the next clean-up takes it.
            }
        }
    }
}
