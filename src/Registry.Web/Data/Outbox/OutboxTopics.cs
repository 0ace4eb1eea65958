namespace Registry.Web.Data.Outbox;

public static class OutboxTopics
{
    public const string CertificateChanged = "certificate.changed";
}
