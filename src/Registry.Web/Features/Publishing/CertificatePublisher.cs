using System.Text.Json;
using Npgsql;
using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Publishing;

/// <summary>
/// The one way certificates are written: each change is checked by the domain rules, then its event,
/// the certificate's snapshot and an outbox message are committed in one transaction, or none of them.
/// When the context already has a transaction (the publishing pipeline's, which adds the audit entry and
/// the idempotency record), the change joins it and the caller commits or rolls back.
/// </summary>
public sealed class CertificatePublisher(RegistryDbContext db, TimeProvider clock, PublishingRehearsal? rehearsal = null)
{
    // Taken just before commit so that outbox sequence numbers are handed out in commit order:
    // a consumer that has read sequence n can never later find an n - 1 committed behind it.
    private const long OutboxOrderLock = 27922;

    public async Task<Certificate> IssueAsync(IssueCertificate command, PublishingActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (command.BodyId != actor.BodyId)
        {
            throw new DomainException(DomainErrorCodes.NotYourCertificate, "A body can issue certificates only in its own name.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken))
        {
            throw new DomainException(DomainErrorCodes.OrganisationNotFound, "The organisation is not in the registry.");
        }

        if (await db.Certificates.AnyAsync(c => c.NormalizedNumber == command.Number.Normalized, cancellationToken))
        {
            throw DuplicateNumber(command.Number);
        }

        var certificate = Certificate.Issue(command with { Actor = actor.Name }, clock);
        db.Certificates.Add(certificate);
        await CommitAsync(certificate, certificate.Events[^1], cancellationToken);
        return certificate;
    }

    public Task<StatusEvent> ChangeAsync(string number, StatusChange change, PublishingActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(number, change, actor, expectedVersion: null, cancellationToken);

    /// <summary>A change decided on version <paramref name="expectedVersion"/> of the certificate (null: judged on whatever is current).</summary>
    public async Task<StatusEvent> ChangeAsync(string number, StatusChange change, PublishingActor actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        var parsed = CertificateNumber.Parse(number);
        var certificate = await db.Certificates
            .Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.NormalizedNumber == parsed.Normalized, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.CertificateNotFound, $"No certificate {parsed.Display} is in the registry.");
        if (certificate.BodyId != actor.BodyId)
        {
            throw new DomainException(DomainErrorCodes.NotYourCertificate,
                $"Certificate {certificate.Number} was issued by another body; only that body may change it.");
        }

        certificate.EnsureVersion(expectedVersion);
        var published = certificate.Apply(change with { Actor = actor.Name }, clock);
        await CommitAsync(certificate, published, cancellationToken);
        return published;
    }

    private async Task CommitAsync(Certificate certificate, StatusEvent published, CancellationToken cancellationToken)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The certificate row and its event go first, so the outbox message can carry the certificate's id.
            await db.SaveChangesAsync(cancellationToken);
            if (rehearsal?.Active == true)
            {
                // Checked by the database like a real change, but never announced: the rehearsal is rolled back.
                return;
            }

            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({OutboxOrderLock})", cancellationToken);
            db.Outbox.Add(ToOutboxMessage(certificate, published));
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({OutboxTopics.NotificationChannel}, '')", cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget();
            throw Conflict(certificate);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            Forget();
            throw unique.ConstraintName == "ix_status_events_certificate_id_sequence"
                ? Conflict(certificate)
                : DuplicateNumber(CertificateNumber.Parse(certificate.Number));
        }
        catch
        {
            Forget();
            throw;
        }
    }

    // After a rolled-back attempt the tracked entities no longer match the database.
    private void Forget() => db.ChangeTracker.Clear();

    private OutboxMessage ToOutboxMessage(Certificate certificate, StatusEvent published) => new()
    {
        Topic = OutboxTopics.CertificateChanged,
        CertificateId = certificate.Id,
        CertificateNumber = certificate.Number,
        CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        Payload = JsonSerializer.Serialize(new
        {
            certificateId = certificate.Id,
            number = certificate.NormalizedNumber,
            sequence = published.Sequence,
            kind = published.Kind.ToString(),
            effectiveOn = published.EffectiveOn,
            publishedAt = published.PublishedAt,
            // The snapshot as this change left it, so followers that read late (the status feed) report it as it was.
            standing = certificate.Standing.ToString(),
            level = certificate.Level,
            expiresOn = certificate.ExpiresOn,
        }),
    };

    private static ConcurrencyConflictException Conflict(Certificate certificate) =>
        new($"Certificate {certificate.Number} was changed by someone else at the same moment; reload it and try again.");

    private static DomainException DuplicateNumber(CertificateNumber number) =>
        new(DomainErrorCodes.DuplicateCertificateNumber, $"A certificate numbered {number.Display} is already in the registry.");
}
