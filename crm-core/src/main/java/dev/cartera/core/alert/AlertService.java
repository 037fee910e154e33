package dev.cartera.core.alert;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Customer alerts (KD-6): raised by rules and jobs for one user, listed on their bell, acknowledged by them. */
public final class AlertService {
    private final Transactions tx;

    public AlertService(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Raises an alert inside a running unit of work. With a dedupe key, an open (unacknowledged) alert
     * with the same key for the same user is returned instead of a second one.
     */
    public static Alert raise(UnitOfWork work, AlertDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (draft.dedupeKey() != null) {
            Optional<Alert> open = work.em().createQuery("select a from Alert a where a.dedupeKey = :k and a.userId = :u"
                            + " and a.acknowledgedAt is null", Alert.class)
                    .setParameter("k", draft.dedupeKey()).setParameter("u", draft.userId())
                    .setMaxResults(1).getResultStream().findFirst();
            if (open.isPresent()) {
                return open.get();
            }
        }
        Alert a = new Alert();
        a.setKind(draft.kind());
        a.setSeverity(draft.severity());
        a.setMessageKey(draft.messageKey());
        a.setMessageArgs(draft.messageArgs());
        a.setRecordType(draft.recordType());
        a.setRecordId(draft.recordId());
        a.setAccountId(draft.accountId());
        a.setUserId(draft.userId());
        a.setDedupeKey(draft.dedupeKey());
        work.em().persist(a);
        work.publish(new AlertEvents.AlertRaised(work.tenantId(), work.now(), work.username(), a.getId(), a.getKind(),
                a.getSeverity(), a.getRecordType(), a.getRecordId(), a.getUserId()));
        return a;
    }

    /** The caller's open alerts, newest first. */
    public List<AlertView> mine() {
        return tx.read(work -> forUser(work, work.actor().userId()));
    }

    /** A user's open alerts, newest first (system jobs, admins' views). */
    public static List<AlertView> forUser(UnitOfWork work, UUID userId) {
        if (userId == null) {
            return List.of();
        }
        return work.em().createQuery("select a from Alert a where a.userId = :u and a.acknowledgedAt is null"
                        + " order by a.createdAt desc, a.id", Alert.class)
                .setParameter("u", userId).setMaxResults(500).getResultStream().map(AlertView::of).toList();
    }

    /** Marks one of the caller's alerts as seen; another user's alert is reported absent. */
    public AlertView acknowledge(UUID id) {
        return tx.write(work -> {
            Alert a = id == null ? null : work.em().find(Alert.class, id);
            if (a == null) {
                throw new NotFoundException(RecordType.ALERT, id);
            }
            if (!work.actor().system() && !Objects.equals(a.getUserId(), work.actor().userId())) {
                throw new AccessDeniedException("alert.not-yours");
            }
            if (a.getAcknowledgedAt() == null) {
                a.setAcknowledgedAt(work.now());
            }
            return AlertView.of(work.flushed(a));
        });
    }
}
