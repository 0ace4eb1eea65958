namespace Registry.Web.Data.Outbox;

public static class OutboxTopics
{
    public const string CertificateChanged = "certificate.changed";

    /// <summary>PostgreSQL NOTIFY channel raised, at commit, by every transaction that writes the outbox.</summary>
    public const string NotificationChannel = "registry_outbox";
}
