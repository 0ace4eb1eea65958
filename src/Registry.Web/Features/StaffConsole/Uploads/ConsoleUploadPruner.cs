namespace Registry.Web.Features.StaffConsole.Uploads;

/// <summary>Deletes console uploads (the file and its preview and results) older than <see cref="Retention"/>; the audit log keeps every applied row.</summary>
public sealed class ConsoleUploadPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsoleUploadPruner> logger)
    : PeriodicPruner(scopes, clock, logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    protected override string What => "console uploads";

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override Task<int> DeleteBatchAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - Retention;
        var batch = db.ConsoleUploads.Where(u => u.UploadedAt < cutoff).OrderBy(u => u.UploadedAt).Select(u => u.Id).Take(BatchSize);
        return db.ConsoleUploads.Where(u => batch.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
