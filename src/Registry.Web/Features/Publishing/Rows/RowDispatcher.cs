namespace Registry.Web.Features.Publishing.Rows;

/// <summary>Runs a parsed row's command through <see cref="PublishingCommands"/>, as a bulk row or a single REST call.</summary>
internal static class RowDispatcher
{
    public static Task<PublishingResult<CertificatePayload>> RunAsync(PublishingCommands commands, PublishingCaller caller, string operation, object command,
        string? idempotencyKey, BulkPosition? bulk, CancellationToken cancellationToken) => command switch
        {
            IssueCommand issue => commands.IssueAsync(caller, issue, idempotencyKey, bulk, cancellationToken),
            RenewCommand renew => commands.RenewAsync(caller, renew, idempotencyKey, bulk, cancellationToken),
            ChangeScopeCommand scope => commands.ChangeScopeAsync(caller, scope, idempotencyKey, bulk, cancellationToken),
            ChangeLevelCommand level => commands.ChangeLevelAsync(caller, level, idempotencyKey, bulk, cancellationToken),
            StatusCommand status => commands.StatusAsync(operation, caller, status, idempotencyKey, bulk, cancellationToken),
            _ => throw new ArgumentException($"No operation takes a {command.GetType().Name}.", nameof(command)),
        };
}
