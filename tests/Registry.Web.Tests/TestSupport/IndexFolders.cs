namespace Registry.Web.Tests.TestSupport;

/// <summary>Every test site's search replica lives in a temporary folder of its own, removed when the site is disposed.</summary>
public static class IndexFolders
{
    public static string New() => Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Removes the folder. An index build the stopping site had begun may still be writing its last file for a moment,
    /// so a folder that is not yet empty is tried again; one that stays is left in the temporary folder rather than
    /// failing the test that used it.
    /// </summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
