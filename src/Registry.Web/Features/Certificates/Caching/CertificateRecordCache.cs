using System.Collections.Concurrent;
using System.Diagnostics;

namespace Registry.Web.Features.Certificates.Caching;

/// <summary>
/// Certificates recently looked up, kept in memory and dropped as the outbox reports changes to them
/// (<see cref="CertificateCacheFollower"/>). A look-up may race a change: it read PostgreSQL before the
/// change committed and stores after the change was reported. So a change leaves a tombstone in the
/// entry's place, and a look-up stores its record only over exactly what it saw before it read: a tombstone
/// set while it read makes the store fail, and the stale record is never served.
/// The cache answers only while its follower is in step; otherwise every look-up goes to PostgreSQL.
/// </summary>
public sealed class CertificateRecordCache(CertificateCacheOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long _confirmedAtTicks = long.MinValue;

    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Slot> _slots = new();
    private long _inStepAt = long.MinValue;
    private int _records;

    // The outbox sequence of the last change applied to each certificate changed since the cache began (or since
    // the map was last trimmed, which moves the base on): what page-cache keys carry instead of the whole registry's position.
    private readonly ConcurrentDictionary<long, long> _changedAt = new();
    private long _changeBase;
    private bool _begun;

    public CertificateCacheOptions Options { get; } = options;

    /// <summary>The last outbox sequence whose changes have been applied.</summary>
    public long AppliedSequence { get; private set; }

    /// <summary>Records (not tombstones) held now.</summary>
    public int Count => Volatile.Read(ref _records);

    /// <summary>True when the follower confirmed, recently enough, that every committed change was applied.</summary>
    public bool InStep => Volatile.Read(ref _inStepAt) is var at && at != long.MinValue && Stopwatch.GetElapsedTime(at) < Options.InStepWindow;

    /// <summary>A cached record, or a ticket to store the record about to be read from PostgreSQL.</summary>
    public CertificateRecord? Find(string normalizedNumber, out LookupTicket ticket)
    {
        if (!InStep)
        {
            ticket = LookupTicket.DoNotStore;
            return null;
        }

        if (_ids.TryGetValue(normalizedNumber, out var id))
        {
            return FindHeld(id, out ticket);
        }

        ticket = new LookupTicket(null, Stopwatch.GetTimestamp());
        return null;
    }

    /// <summary>A cached record by the certificate's id (a search hit), or a ticket to store the record about to be read.</summary>
    public CertificateRecord? Find(long certificateId, out LookupTicket ticket)
    {
        if (!InStep)
        {
            ticket = LookupTicket.DoNotStore;
            return null;
        }

        return FindHeld(certificateId, out ticket);
    }

    private CertificateRecord? FindHeld(long id, out LookupTicket ticket)
    {
        if (_slots.TryGetValue(id, out var slot))
        {
            if (slot.Record is { } record)
            {
                ticket = LookupTicket.DoNotStore;
                return record;
            }

            ticket = new LookupTicket(slot, Stopwatch.GetTimestamp());
            return null;
        }

        ticket = new LookupTicket(null, Stopwatch.GetTimestamp());
        return null;
    }

    /// <summary>Stores what was read, unless a change was reported for it meanwhile (then the next look-up reads again).</summary>
    public void Store(CertificateRecord record, LookupTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A read slower than tombstones live could have missed one that came and went: not stored.
        if (!ticket.MayStore || Stopwatch.GetElapsedTime(ticket.StartedAt) > Options.TombstoneLifetime / 2 || !InStep)
        {
            return;
        }

        var id = record.Certificate.Id;
        _ids[record.Certificate.NormalizedNumber] = id;
        var stored = new Slot(record, Stopwatch.GetTimestamp());
        var added = ticket.Seen is null ? _slots.TryAdd(id, stored) : _slots.TryUpdate(id, stored, ticket.Seen);
        if (added && Interlocked.Increment(ref _records) > Options.Capacity)
        {
            Shrink();
        }
    }

    /// <summary>
    /// A number read elsewhere (the certificate page reads PostgreSQL): numbers name ids for good, so knowing the id
    /// lets <see cref="ChangeMarkOf"/> give the certificate's own mark instead of the whole registry's.
    /// </summary>
    public void NoteNumber(string normalizedNumber, long id) => _ids.TryAdd(normalizedNumber, id);

    /// <summary>Applies changes reported by the outbox up to <paramref name="sequence"/>.</summary>
    public void Invalidate(IEnumerable<long> certificateIds, long sequence)
    {
        ArgumentNullException.ThrowIfNull(certificateIds);
        var now = Stopwatch.GetTimestamp();
        foreach (var id in certificateIds)
        {
            var tombstone = new Slot(null, now);
            _slots.AddOrUpdate(id, tombstone, (_, previous) =>
            {
                if (previous.Record is not null)
                {
                    Interlocked.Decrement(ref _records);
                }

                return tombstone;
            });
        }

        var applied = Math.Max(AppliedSequence, sequence);
        if (_changedAt.Count > Options.Capacity * 2)
        {
            // Moving the base first keeps every mark at or after the change it stands for, which is all a key needs.
            Volatile.Write(ref _changeBase, applied);
            _changedAt.Clear();
        }

        foreach (var id in certificateIds)
        {
            _changedAt[id] = applied;
        }

        if (!_begun)
        {
            Volatile.Write(ref _changeBase, applied);
            _begun = true;
        }

        AppliedSequence = applied;
    }

    /// <summary>
    /// A mark that moves on whenever a change to the certificate is applied: the outbox sequence of its last change
    /// this cache applied, or (never changed since the cache began) the position the cache began at, or (a number the
    /// cache has not met) the whole registry's applied position. Whatever it is, what was rendered for the certificate
    /// under one mark is its state as of that sequence or later, so a key holding the mark is never reached once a
    /// later change is applied. Null while the cache is out of step: nothing should be cached then.
    /// </summary>
    public long? ChangeMarkOf(string normalizedNumber)
    {
        if (!InStep)
        {
            return null;
        }

        return _ids.TryGetValue(normalizedNumber, out var id) ? ChangeMarkOf(id) : AppliedSequence;
    }

    // The map before the base: a trim moves the base on before it clears the map, so a miss read after the clear
    // meets the moved base, never the old one.
    private long ChangeMarkOf(long id) => _changedAt.TryGetValue(id, out var changed) ? changed : Volatile.Read(ref _changeBase);

    /// <summary>
    /// Which of these certificates may have changed after outbox position <paramref name="position"/> (what a search
    /// replica has applied): those whose change mark is past it. Every other one's state as of that position is its
    /// state as of <paramref name="asOf"/>, the last instant the cache confirmed it had applied every committed change.
    /// False while the cache is out of step: then it cannot say, and the caller reads PostgreSQL.
    /// </summary>
    public bool TryFindChangedAfter(long position, IEnumerable<long> certificateIds, out DateTimeOffset asOf, out IReadOnlyList<long> changed)
    {
        ArgumentNullException.ThrowIfNull(certificateIds);
        // The confirmation before the marks: every change committed before it was applied, and its mark written, first.
        if (!InStep || ConfirmedAt is not { } confirmedAt)
        {
            asOf = default;
            changed = [];
            return false;
        }

        asOf = confirmedAt;
        changed = [.. certificateIds.Where(id => ChangeMarkOf(id) > position)];
        return true;
    }

    /// <summary>The follower read the outbox to its end: every change committed before now is applied.</summary>
    /// <param name="readStartedAt">When the follower began the read that found the outbox's end: changes committed before it were applied (now by default).</param>
    public void MarkInStep(DateTimeOffset? readStartedAt = null)
    {
        Volatile.Write(ref _confirmedAtTicks, (readStartedAt ?? _clock.GetUtcNow()).UtcTicks);
        Volatile.Write(ref _inStepAt, Stopwatch.GetTimestamp());
    }

    /// <summary>The last instant the follower confirmed it was in step; null before the first time.</summary>
    public DateTimeOffset? ConfirmedAt => Volatile.Read(ref _confirmedAtTicks) is var ticks && ticks != long.MinValue
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    /// <summary>
    /// For when PostgreSQL cannot be reached: the record held for the number, out of step or not, marked with the last
    /// instant the cache was confirmed in step. Until then no change to it was committed that the cache did not apply
    /// (a change leaves a tombstone, not a record), so the record is the registry's as of that instant.
    /// </summary>
    public CertificateRecord? FindLastKnown(string normalizedNumber)
    {
        if (ConfirmedAt is not { } confirmedAt || !_ids.TryGetValue(normalizedNumber, out var id) || !_slots.TryGetValue(id, out var slot)
            || slot.Record is not { } record)
        {
            return null;
        }

        return record with { ConfirmedAt = confirmedAt };
    }

    /// <summary>The follower lost its connection: until it is back in step, nothing is answered from memory.</summary>
    public void MarkOutOfStep() => Volatile.Write(ref _inStepAt, long.MinValue);

    /// <summary>Clears tombstones old enough that no look-up still relies on them.</summary>
    public void SweepTombstones()
    {
        foreach (var (id, slot) in _slots)
        {
            if (slot.Record is null && Stopwatch.GetElapsedTime(slot.At) > Options.TombstoneLifetime)
            {
                _slots.TryRemove(new KeyValuePair<long, Slot>(id, slot));
            }
        }
    }

    /// <summary>Drops the older half of the records. Dropping is always safe: the next look-up reads again.</summary>
    private void Shrink()
    {
        var records = _slots.Where(p => p.Value.Record is not null).Select(p => (p.Key, p.Value)).ToList();
        var cutoff = records.Select(p => p.Value.At).Order().ElementAtOrDefault(records.Count / 2);
        foreach (var (id, slot) in records)
        {
            if (slot.At <= cutoff && _slots.TryRemove(new KeyValuePair<long, Slot>(id, slot)))
            {
                Interlocked.Decrement(ref _records);
            }
        }

        // Numbers name ids for good, so the map is only trimmed for memory's sake.
        if (_ids.Count > Options.Capacity * 2)
        {
            _ids.Clear();
        }
    }

    /// <summary>A record, or (Record null) a tombstone left by a change. Compared by reference.</summary>
    public sealed class Slot(CertificateRecord? record, long at)
    {
        public CertificateRecord? Record { get; } = record;

        public long At { get; } = at;
    }
}

/// <summary>What a look-up saw in the cache before it read PostgreSQL.</summary>
public readonly record struct LookupTicket(CertificateRecordCache.Slot? Seen, long StartedAt)
{
    public static LookupTicket DoNotStore => new(null, long.MinValue);

    public bool MayStore => StartedAt != long.MinValue;
}
