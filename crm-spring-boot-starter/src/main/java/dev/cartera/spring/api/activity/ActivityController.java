package dev.cartera.spring.api.activity;

import dev.cartera.core.Cartera;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.activity.MyDay;
import dev.cartera.core.records.RecordRef;
import java.time.ZoneId;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.TaskQuery;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.team.UserService;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activities (calls, meetings, visits, to-dos) and the tasks among them: those with a due date. */
@RestController
public class ActivityController {
    private final ActivityService activities;
    private final UserService users;

    private final ZoneId zone;

    public ActivityController(ActivityService activities, UserService users, Cartera cartera) {
        this.activities = activities;
        this.users = users;
        this.zone = cartera.zone();
    }

    /** Body of {@code POST /tasks/bulk}: the records and the task to create on each. */
    public record BulkTasks(List<RecordRef> records, NewActivity task) {
    }

    @PostMapping("/activities")
    public ResponseEntity<ActivityView> create(@RequestBody NewActivity request) {
        ActivityView activity = activities.create(request.toDraft());
        return Versions.created(activity, activity.id(), activity.version());
    }

    /** Sets or clears ({@code remindAt: null}) when the assignee is reminded of a planned task. */
    @PostMapping("/activities/{id}/reminder")
    public ResponseEntity<ActivityView> remind(@PathVariable UUID id, @RequestBody Reminder reminder,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = activities.remind(id, Versions.expected(ifMatch), reminder.remindAt());
        return Versions.ok(updated, updated.version());
    }

    public record Reminder(java.time.Instant remindAt) {
    }

    /** One task per record, all or nothing ("call every customer in this list"). */
    @PostMapping("/tasks/bulk")
    public ResponseEntity<List<ActivityView>> bulk(@RequestBody BulkTasks request) {
        return ResponseEntity.status(201).body(activities.createForEach(request.records(), request.task().toDraft()));
    }

    /** The caller's day in the firm's time zone: overdue, today, the next seven days. */
    @GetMapping("/tasks/my-day")
    public MyDay myDay() {
        return activities.myDay(zone);
    }

    @GetMapping("/activities/{id}")
    public ResponseEntity<ActivityView> get(@PathVariable UUID id) {
        ActivityView activity = activities.get(id);
        return Versions.ok(activity, activity.version());
    }

    /** Everything logged or planned on one account, contact, lead or opportunity, newest first. */
    @GetMapping("/activities")
    public List<ActivityView> ofRecord(@RequestParam RecordType relatedType, @RequestParam UUID relatedId) {
        return activities.ofRecord(relatedType, relatedId);
    }

    @GetMapping("/activities/{id}/subtasks")
    public List<ActivityView> subtasks(@PathVariable UUID id) {
        return activities.subtasks(id);
    }

    @PostMapping("/activities/{id}/complete")
    public ResponseEntity<ActivityView> complete(@PathVariable UUID id,
            @Valid @RequestBody(required = false) Completion completion,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = activities.complete(id, Versions.expected(ifMatch), completion == null ? null : completion.outcome());
        return Versions.ok(updated, updated.version());
    }

    /** Tasks the caller may see, by due date; {@code dueBefore} is an ISO-8601 instant. */
    @GetMapping("/tasks")
    public ApiPage<ActivityView> tasks(@RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) ActivityStatus status, @RequestParam(required = false) Instant dueBefore,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(activities.tasks(new TaskQuery(ownerId, status, dueBefore), new PageRequest(page, size)));
    }

    /** The caller's own tasks ("my day"). */
    @GetMapping("/tasks/mine")
    public ApiPage<ActivityView> myTasks(@RequestParam(required = false) ActivityStatus status,
            @RequestParam(required = false) Instant dueBefore, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageRequest pageRequest = new PageRequest(page, size);
        return ApiPage.of(activities.tasks(new TaskQuery(users.me().id(), status, dueBefore), pageRequest));
    }
}
