namespace Registry.Web.Tests.TestSupport;

/// <summary>Waits for something a background follower does, failing with the reason when it does not happen in time.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            await Task.Delay(10);
        }
    }
}
