package dev.cartera.rules;

import dev.cartera.core.access.Action;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.team.CrmUser;
import dev.cartera.rules.internal.AssignmentContext;
import dev.cartera.rules.internal.AutomationRunner;
import dev.cartera.rules.internal.HandoverState;
import dev.cartera.rules.internal.RuleStore;
import dev.cartera.rules.internal.TaskHandoverRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Absences: marking a user absent hands their open tasks to colleagues by the USER_ABSENT automation rules
 * (at once when the absence has begun, else from {@code runTimers} on its first day); when they return, those tasks
 * are offered back — a list they take back or leave with the colleague.
 */
public final class AbsenceService {
    private final Transactions tx;
    private final RuleStore store;
    private final AutomationRunner runner;
    private final Mailer mailer;

    AbsenceService(Transactions tx, RuleStore store, AutomationRunner runner, Mailer mailer) {
        this.tx = tx;
        this.store = store;
        this.runner = runner;
        this.mailer = mailer;
    }

    /** Records an absence (admins, or users for themselves) and returns the tasks handed over now. */
    public List<PlannedAction> markAbsent(UUID userId, LocalDate from, LocalDate until) {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw ValidationException.of("until", "absence.until-before-from");
        }
        List<Mailer.Message> mails = new ArrayList<>();
        List<PlannedAction> done = tx.write(work -> {
            CrmUser user = user(work, userId);
            user.setAbsentFrom(from);
            user.setAbsentUntil(until);
            work.audit("ABSENT", RecordType.USER, userId, from + ".." + until);
            LocalDate today = LocalDate.now(work.clock());
            if (from.isAfter(today) || (until != null && until.isBefore(today))) {
                return List.<PlannedAction>of();
            }
            work.em().flush();
            return store.active(work, RuleSetKind.AUTOMATION)
                    .map(rules -> runner.handOver(work, rules, user, new AssignmentContext(work.em(), today, false), mails))
                    .orElse(List.of());
        });
        mails.forEach(mailer::send);
        return done;
    }

    /** Ends an absence today and returns the tasks offered back. */
    public List<HandoverView> markReturned(UUID userId) {
        tx.write(work -> {
            CrmUser user = user(work, userId);
            user.setAbsentFrom(null);
            user.setAbsentUntil(null);
            work.audit("RETURNED", RecordType.USER, userId, null);
            return null;
        });
        return offeredBack(userId);
    }

    /** Tasks handed away during the user's absences, still open and still with the colleague. */
    public List<HandoverView> offeredBack(UUID userId) {
        return tx.read(work -> {
            requireSelfOrAdmin(work, userId, Action.READ);
            return work.em().createQuery("select h, a from TaskHandoverRecord h, Activity a where a.id = h.taskId"
                            + " and h.fromUserId = :u and h.state = :handed and a.status = :planned and a.ownerId = h.toUserId"
                            + " order by a.dueAt, a.id", Object[].class)
                    .setParameter("u", userId).setParameter("handed", HandoverState.HANDED.name())
                    .setParameter("planned", ActivityStatus.PLANNED).getResultStream()
                    .map(r -> view((TaskHandoverRecord) r[0], (Activity) r[1])).toList();
        });
    }

    /** The returning user takes these tasks back; the others of the list stay with their colleagues. */
    public List<HandoverView> takeBack(UUID userId, List<UUID> handoverIds) {
        return tx.write(work -> {
            requireSelfOrAdmin(work, userId, Action.UPDATE);
            CrmUser user = user(work, userId);
            LocalDate today = LocalDate.now(work.clock());
            boolean absent = (user.getAbsentFrom() != null || user.getAbsentUntil() != null)
                    && (user.getAbsentFrom() == null || !today.isBefore(user.getAbsentFrom()))
                    && (user.getAbsentUntil() == null || !today.isAfter(user.getAbsentUntil()));
            if (absent) {
                throw new ConflictException("absence.still-absent", userId);
            }
            List<HandoverView> back = new ArrayList<>();
            for (UUID id : handoverIds) {
                TaskHandoverRecord h = work.em().find(TaskHandoverRecord.class, id);
                if (h == null || !h.getFromUserId().equals(userId) || !HandoverState.HANDED.name().equals(h.getState())) {
                    throw new NotFoundException(RecordType.ACTIVITY, id);
                }
                Activity task = work.em().find(Activity.class, h.getTaskId());
                if (task != null && task.getStatus() == ActivityStatus.PLANNED && h.getToUserId().equals(task.getOwnerId())) {
                    task.setOwnerId(userId);
                    work.audit("ASSIGN", RecordType.ACTIVITY, task.getId(), "taken back after absence");
                }
                h.setState(HandoverState.RETURNED.name());
                h.setSettledAt(work.now());
                back.add(view(h, task));
            }
            return back;
        });
    }

    /** The returning user leaves the rest of the offered tasks with the colleagues who covered them. */
    public void leaveWithColleagues(UUID userId) {
        tx.write(work -> {
            requireSelfOrAdmin(work, userId, Action.UPDATE);
            for (TaskHandoverRecord h : work.em().createQuery("select h from TaskHandoverRecord h where h.fromUserId = :u and h.state = :handed",
                    TaskHandoverRecord.class).setParameter("u", userId).setParameter("handed", HandoverState.HANDED.name()).getResultList()) {
                h.setState(HandoverState.KEPT.name());
                h.setSettledAt(work.now());
            }
            return null;
        });
    }

    private static CrmUser user(UnitOfWork work, UUID userId) {
        requireSelfOrAdmin(work, userId, Action.UPDATE);
        CrmUser user = userId == null ? null : work.em().find(CrmUser.class, userId);
        if (user == null) {
            throw new NotFoundException(RecordType.USER, userId);
        }
        return user;
    }

    private static void requireSelfOrAdmin(UnitOfWork work, UUID userId, Action action) {
        if (!Objects.equals(work.actor().userId(), userId)) {
            work.require(action, RecordType.USER);
        }
    }

    private static HandoverView view(TaskHandoverRecord h, Activity task) {
        return new HandoverView(h.getId(), h.getTaskId(), task == null ? null : task.getSubject(), h.getFromUserId(), h.getToUserId(),
                h.getAbsentFrom(), h.getAbsentUntil(), h.getHandedAt(), h.getState());
    }
}
