package dev.cartera.core.activity;

import dev.cartera.core.access.Action;
import dev.cartera.core.account.Account;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.persistence.Owners;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.records.Records;
import dev.cartera.core.alert.AlertDraft;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.records.RecordRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Commercial actions and tasks (KD-4): log what happened, plan what is next, complete it. */
public final class ActivityService {
    private static final Set<ActivityType> CONTACT_MOMENTS = EnumSet.of(ActivityType.CALL, ActivityType.MEETING,
            ActivityType.EMAIL, ActivityType.VISIT);

    static final int BULK_LIMIT = 1_000;

    private final Transactions tx;

    public ActivityService(Transactions tx) {
        this.tx = tx;
    }

    public ActivityView create(ActivityDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> ActivityView.of(newActivity(work, draft, false)));
    }

    /** Creates an activity inside a running unit of work; {@code automatic} marks those made by rules. */
    public static Activity newActivity(UnitOfWork work, ActivityDraft draft, boolean automatic) {
        Validator.valid(draft);
        work.require(Action.CREATE, RecordType.ACTIVITY);
        if ((draft.relatedType() == null) != (draft.relatedId() == null)) {
            throw ValidationException.of("relatedId", "activity.related.incomplete");
        }
        if (draft.endAt() != null && draft.startAt() != null && draft.endAt().isBefore(draft.startAt())) {
            throw ValidationException.of("endAt", "activity.end-before-start");
        }
        Activity a = new Activity();
        a.setAccountId(draft.relatedType() == null ? null : Records.accountOf(work, draft.relatedType(), draft.relatedId()));
        a.setRelatedType(draft.relatedType());
        a.setRelatedId(draft.relatedId());
        if (draft.parentId() != null) {
            Activity parent = load(work, draft.parentId(), Action.READ);
            if (parent.getParentId() != null) {
                throw ValidationException.of("parentId", "activity.subtask.depth");
            }
            a.setParentId(parent.getId());
        }
        a.setOwnerId(Owners.resolveNewOwner(work, RecordType.ACTIVITY, draft.ownerId()));
        a.setType(draft.type());
        a.setSubject(draft.subject().strip());
        a.setDescription(Validator.trimToNull(draft.description()));
        a.setDueAt(draft.dueAt());
        a.setStartAt(draft.startAt());
        a.setEndAt(draft.endAt());
        a.setPriority(draft.priority() == null ? Priority.NORMAL : draft.priority());
        a.setDurationMinutes(draft.durationMinutes());
        a.setAutomatic(automatic);
        a.setStatus(ActivityStatus.PLANNED);
        work.em().persist(a);
        work.audit("CREATE", RecordType.ACTIVITY, a.getId(), a.getType() + " " + a.getSubject());
        work.publish(new ActivityEvents.ActivityCreated(work.tenantId(), work.now(), work.username(), a.getId(), a.getType(),
                a.getRelatedType(), a.getRelatedId(), a.getOwnerId(), automatic));
        if (draft.done()) {
            markDone(work, a, null);
        }
        return a;
    }

    public ActivityView complete(UUID id, Long expectedVersion, String outcome) {
        return tx.write(work -> {
            Activity a = load(work, id, Action.UPDATE);
            a.checkVersion(expectedVersion);
            if (a.getStatus() != ActivityStatus.PLANNED) {
                throw new ConflictException("activity.not-planned", a.getStatus());
            }
            markDone(work, a, Validator.trimToNull(outcome));
            return ActivityView.of(work.flushed(a));
        });
    }

    public ActivityView get(UUID id) {
        return tx.read(work -> ActivityView.of(load(work, id, Action.READ)));
    }

    /** Everything logged or planned on one record the caller can see, newest first. */
    public List<ActivityView> ofRecord(RecordType type, UUID id) {
        return tx.read(work -> {
            Records.accountOf(work, type, id);
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.ACTIVITY);
            return new SearchQuery<>(Activity.class, "a", scope.predicate("a.ownerId"))
                    .equal("a.relatedType", type)
                    .equal("a.relatedId", id)
                    .list(work.em(), scope, "a.createdAt desc, a.id", 500)
                    .stream().map(ActivityView::of).toList();
        });
    }

    public List<ActivityView> subtasks(UUID parentId) {
        return tx.read(work -> {
            load(work, parentId, Action.READ);
            return work.em().createQuery("select a from Activity a where a.parentId = :p order by a.dueAt, a.createdAt", Activity.class)
                    .setParameter("p", parentId).getResultStream().map(ActivityView::of).toList();
        });
    }

    public Page<ActivityView> tasks(TaskQuery query, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.ACTIVITY);
            SearchQuery<Activity> q = new SearchQuery<>(Activity.class, "a", scope.predicate("a.ownerId"))
                    .where("a.dueAt is not null")
                    .equal("a.ownerId", query.ownerId())
                    .equal("a.status", query.status());
            if (query.dueBefore() != null) {
                q.where("a.dueAt < ?", query.dueBefore());
            }
            return q.page(work.em(), scope, "a.dueAt, a.id", page).map(ActivityView::of);
        });
    }

    /** The caller's planned tasks: overdue, due today and due in the next seven days, in the firm's time zone. */
    public MyDay myDay(ZoneId zone) {
        return tx.read(work -> {
            Instant now = work.now();
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
            Instant endOfWeek = today.plusDays(8).atStartOfDay(zone).toInstant();
            List<ActivityView> planned = work.em().createQuery("select a from Activity a where a.ownerId = :me"
                    + " and a.status = :planned and a.dueAt is not null and a.dueAt < :until order by a.dueAt, a.id", Activity.class)
                    .setParameter("me", work.actor().userId()).setParameter("planned", ActivityStatus.PLANNED)
                    .setParameter("until", endOfWeek).setMaxResults(500)
                    .getResultStream().map(ActivityView::of).toList();
            return new MyDay(
                    planned.stream().filter(a -> a.dueAt().isBefore(now)).toList(),
                    planned.stream().filter(a -> !a.dueAt().isBefore(now) && a.dueAt().isBefore(endOfToday)).toList(),
                    planned.stream().filter(a -> !a.dueAt().isBefore(endOfToday)).toList());
        });
    }

    /**
     * One task per record ("call every customer in this list", X-17): all or nothing — a record the
     * caller cannot reach fails the whole batch before anything is written.
     */
    public List<ActivityView> createForEach(List<RecordRef> records, ActivityDraft template) {
        Validator.valid(template);
        if (records.isEmpty() || records.size() > BULK_LIMIT) {
            throw ValidationException.of("records", "activity.bulk.size");
        }
        return tx.write(work -> records.stream()
                .map(r -> ActivityView.of(newActivity(work, new ActivityDraft(template.type(), template.subject(),
                        template.description(), r.type(), r.id(), template.ownerId(), template.dueAt(), template.startAt(),
                        template.endAt(), template.priority(), null, template.durationMinutes(), false), false)))
                .toList());
    }

    /** Sets (or, with null, clears) when to remind the task's assignee; a new time re-arms a sent reminder. */
    public ActivityView remind(UUID id, Long expectedVersion, Instant remindAt) {
        return tx.write(work -> {
            Activity a = load(work, id, Action.UPDATE);
            a.checkVersion(expectedVersion);
            if (a.getStatus() != ActivityStatus.PLANNED) {
                throw new ConflictException("activity.not-planned", a.getStatus());
            }
            a.setRemindAt(remindAt);
            a.setRemindedAt(null);
            work.audit("REMIND", RecordType.ACTIVITY, id, String.valueOf(remindAt));
            return ActivityView.of(work.flushed(a));
        });
    }

    /** Raises one TASK_REMINDER alert per planned task whose reminder time has come; run by the scheduler. */
    public int sendReminders(String tenantId) {
        return tx.asSystem(tenantId, work -> {
            List<Activity> due = work.em().createQuery("select a from Activity a where a.status = :planned"
                    + " and a.remindAt <= :now and a.remindedAt is null and a.ownerId is not null", Activity.class)
                    .setParameter("planned", ActivityStatus.PLANNED).setParameter("now", work.now())
                    .setMaxResults(5_000).getResultList();
            for (Activity a : due) {
                AlertService.raise(work, new AlertDraft(AlertKind.TASK_REMINDER, null, a.getOwnerId(), RecordType.ACTIVITY,
                        a.getId(), a.getAccountId(), "alert.TASK_REMINDER", List.of(a.getSubject()),
                        "TASK_REMINDER:" + a.getId() + ":" + a.getRemindAt()));
                a.setRemindedAt(work.now());
            }
            return due.size();
        });
    }

    /**
     * Raises one TASK_OVERDUE alert per planned task past its due date, for its owner (KD-6). Run by a
     * scheduler per tenant; alerts are deduplicated, so running it often is harmless.
     */
    public int raiseOverdueAlerts(String tenantId) {
        return tx.asSystem(tenantId, work -> {
            List<Activity> overdue = work.em().createQuery("select a from Activity a where a.status = :planned"
                    + " and a.dueAt < :now and a.ownerId is not null", Activity.class)
                    .setParameter("planned", ActivityStatus.PLANNED).setParameter("now", work.now())
                    .setMaxResults(5_000).getResultList();
            for (Activity a : overdue) {
                AlertService.raise(work, AlertDraft.of(AlertKind.TASK_OVERDUE, a.getOwnerId(), RecordType.ACTIVITY, a.getId(),
                        a.getAccountId(), a.getSubject()));
            }
            return overdue.size();
        });
    }

    static Activity load(UnitOfWork work, UUID id, Action action) {
        return work.load(Activity.class, RecordType.ACTIVITY, id, action, Activity::getOwnerId);
    }

    private static void markDone(UnitOfWork work, Activity a, String outcome) {
        a.setStatus(ActivityStatus.DONE);
        a.setCompletedAt(work.now());
        a.setOutcome(outcome);
        if (a.getRelatedType() == RecordType.LEAD && CONTACT_MOMENTS.contains(a.getType())) {
            Lead lead = work.em().find(Lead.class, a.getRelatedId());
            if (lead != null) {
                lead.setLastContactedAt(work.now());
            }
        }
        if (a.getAccountId() != null && CONTACT_MOMENTS.contains(a.getType())) {
            Account account = work.em().find(Account.class, a.getAccountId());
            if (account != null) {
                account.setLastContactedAt(work.now());
            }
        }
        work.audit("COMPLETE", RecordType.ACTIVITY, a.getId(), outcome);
        work.publish(new ActivityEvents.ActivityCompleted(work.tenantId(), work.now(), work.username(), a.getId(), a.getType(), a.getAccountId()));
    }

}
