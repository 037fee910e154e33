package dev.cartera.core.alert;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.spi.Mailer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Customer alerts shown graphically (KD-6): raised by services and rules for a user, listed for the
 * bell and as badges on records, acknowledged or snoozed by the user they are for.
 */
public final class AlertService {
    private final Transactions tx;

    public AlertService(Transactions tx) {
        this.tx = tx;
    }

    public AlertView raise(AlertDraft draft) {
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.ALERT);
            return AlertView.of(raise(work, draft));
        });
    }

    /**
     * Raises an alert inside a running unit of work; an open alert with the same dedupe key is
     * returned instead of a second one.
     */
    public static Alert raise(UnitOfWork work, AlertDraft draft) {
        Objects.requireNonNull(draft.kind(), "kind");
        if (draft.userId() == null) {
            throw ValidationException.of("userId", "validation.NotNull");
        }
        if (draft.messageArgs().stream().anyMatch(a -> a != null && a.contains(AlertView.SEPARATOR))) {
            throw ValidationException.of("messageArgs", "alert.argument.multiline");
        }
        if (draft.dedupeKey() != null) {
            List<Alert> open = work.em().createQuery("select a from Alert a where a.dedupeKey = :key and a.userId = :user"
                    + " and a.acknowledgedAt is null", Alert.class)
                    .setParameter("key", draft.dedupeKey()).setParameter("user", draft.userId())
                    .setMaxResults(1).getResultList();
            if (!open.isEmpty()) {
                return open.get(0);
            }
        }
        AlertPreference preference = preference(work, draft.userId(), draft.kind());
        Alert alert = new Alert();
        alert.setKind(draft.kind());
        alert.setSeverity(draft.severity() == null ? draft.kind().defaultSeverity() : draft.severity());
        alert.setUserId(draft.userId());
        alert.setRecordType(draft.recordType());
        alert.setRecordId(draft.recordId());
        alert.setAccountId(draft.accountId());
        alert.setMessageKey(draft.messageKey() == null ? "alert." + draft.kind().name() : draft.messageKey());
        alert.setMessageArgs(String.join(AlertView.SEPARATOR, draft.messageArgs()));
        alert.setDedupeKey(draft.dedupeKey());
        if (!preference.isInApp()) {
            // Kept for the record, but the user chose not to see this kind: no bell, no toast.
            alert.setAcknowledgedAt(work.now());
        }
        work.em().persist(alert);
        if (preference.isInApp()) {
            work.publish(new AlertEvents.AlertRaised(work.tenantId(), work.now(), work.username(), alert.getId(),
                    alert.getUserId(), alert.getKind(), alert.getSeverity()));
        }
        if (preference.isEmail()) {
            mail(work, alert, draft.messageArgs());
        }
        return alert;
    }

    /** The caller's choice for every kind of alert; kinds never set show in the app and send no e-mail. */
    public List<AlertPreferenceView> myPreferences() {
        return tx.read(work -> Arrays.stream(AlertKind.values())
                .map(kind -> view(preference(work, work.actor().userId(), kind)))
                .toList());
    }

    public AlertPreferenceView setMyPreference(AlertKind kind, boolean inApp, boolean email) {
        Objects.requireNonNull(kind, "kind");
        return tx.write(work -> {
            UUID user = work.actor().userId();
            if (user == null) {
                throw new NotFoundException(RecordType.USER, null);
            }
            AlertPreference stored = work.em().createQuery("select p from AlertPreference p where p.userId = :u and p.kind = :k",
                            AlertPreference.class)
                    .setParameter("u", user).setParameter("k", kind).getResultStream().findFirst()
                    .orElseGet(() -> {
                        AlertPreference created = new AlertPreference();
                        created.setUserId(user);
                        created.setKind(kind);
                        work.em().persist(created);
                        return created;
                    });
            stored.setInApp(inApp);
            stored.setEmail(email);
            return view(work.flushed(stored));
        });
    }

    /** The caller's active alerts (not acknowledged, not snoozed), newest first: the bell. */
    public List<AlertView> mine() {
        return tx.read(work -> active(work, work.actor().userId(), null, null));
    }

    public long myCount() {
        return tx.read(work -> work.em().createQuery("select count(a) from Alert a where a.userId = :user"
                + " and a.acknowledgedAt is null and (a.snoozedUntil is null or a.snoozedUntil <= :now)", Long.class)
                .setParameter("user", work.actor().userId()).setParameter("now", work.now()).getSingleResult());
    }

    /** The caller's active alerts about one record or one customer: the badges on cards and rows. */
    public List<AlertView> onRecord(RecordType type, UUID id) {
        return tx.read(work -> active(work, work.actor().userId(), type, id));
    }

    public AlertView acknowledge(UUID id) {
        return tx.write(work -> {
            Alert alert = own(work, id);
            if (alert.getAcknowledgedAt() == null) {
                alert.setAcknowledgedAt(work.now());
            }
            return AlertView.of(work.flushed(alert));
        });
    }

    public AlertView snooze(UUID id, Instant until) {
        return tx.write(work -> {
            if (until == null || !until.isAfter(work.now())) {
                throw ValidationException.of("until", "alert.snooze.past");
            }
            Alert alert = own(work, id);
            alert.setSnoozedUntil(until);
            return AlertView.of(work.flushed(alert));
        });
    }

    private static List<AlertView> active(UnitOfWork work, UUID user, RecordType type, UUID id) {
        String byRecord = type == null ? "" : " and ((a.recordType = :type and a.recordId = :id) or a.accountId = :id)";
        var query = work.em().createQuery("select a from Alert a where a.userId = :user and a.acknowledgedAt is null"
                + " and (a.snoozedUntil is null or a.snoozedUntil <= :now)" + byRecord
                + " order by a.createdAt desc, a.id", Alert.class)
                .setParameter("user", user).setParameter("now", work.now());
        if (type != null) {
            query.setParameter("type", type).setParameter("id", id);
        }
        return query.setMaxResults(200).getResultStream().map(AlertView::of).toList();
    }

    private static AlertPreference preference(UnitOfWork work, UUID userId, AlertKind kind) {
        return work.em().createQuery("select p from AlertPreference p where p.userId = :u and p.kind = :k", AlertPreference.class)
                .setParameter("u", userId).setParameter("k", kind).getResultStream().findFirst()
                .orElseGet(() -> {
                    AlertPreference defaults = new AlertPreference();
                    defaults.setUserId(userId);
                    defaults.setKind(kind);
                    defaults.setInApp(true);
                    return defaults;
                });
    }

    private static AlertPreferenceView view(AlertPreference p) {
        return new AlertPreferenceView(p.getKind(), p.getKind().icon(), p.isInApp(), p.isEmail());
    }

    /** The e-mail channel: plain text to the user's address, through the host's Mailer, if both exist. */
    private static void mail(UnitOfWork work, Alert alert, List<String> args) {
        List<String> addresses = work.em().createQuery("select u.email from CrmUser u where u.id = :id", String.class)
                .setParameter("id", alert.getUserId()).getResultList();
        String to = addresses.isEmpty() ? null : addresses.get(0);
        if (to == null || to.isBlank()) {
            return;
        }
        String subject = "[Cartera] " + alert.getKind().name().replace('_', ' ').toLowerCase(Locale.ROOT)
                + (args.isEmpty() ? "" : ": " + args.get(0));
        work.extension(Mailer.class).ifPresent(mailer -> mailer.send(new Mailer.Message(to, subject,
                String.join("\n", args) + "\n", List.of())));
    }

    /** Alerts belong to the user they were raised for; anybody else is told there is no such alert. */
    private static Alert own(UnitOfWork work, UUID id) {
        Alert alert = id == null ? null : work.em().find(Alert.class, id);
        if (alert == null || !alert.getUserId().equals(work.actor().userId())) {
            throw new NotFoundException(RecordType.ALERT, id);
        }
        return alert;
    }
}
