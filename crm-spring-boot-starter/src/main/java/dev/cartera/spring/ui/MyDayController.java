package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.MyDay;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Mi día" (KD-4, X-13): the caller's overdue tasks, today's and the next days', in the firm's time
 * zone, made for one thumb on a phone — big rows, one tap to complete, subtasks under their task.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/my-day")
class MyDayController implements CarteraUiController {
    private final Cartera cartera;
    private final ActivityService activities;
    private final AccountService accounts;
    private final AlertItems alerts;
    private final String base;

    MyDayController(Cartera cartera, AlertItems alerts, CarteraProperties properties) {
        this.cartera = cartera;
        this.activities = cartera.activities();
        this.accounts = cartera.accounts();
        this.alerts = alerts;
        this.base = properties.web().basePath();
    }

    @GetMapping
    String myDay(HttpServletRequest request, Model model) {
        fill(model);
        return Htmx.partial(request) ? "cartera/my-day :: day" : "cartera/my-day";
    }

    @PostMapping("/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam(required = false) Long version, HttpServletRequest request, Model model) {
        activities.complete(id, version, null);
        if (!Htmx.partial(request)) {
            return "redirect:" + base + "/my-day";
        }
        fill(model);
        return "cartera/my-day :: day";
    }

    private void fill(Model model) {
        MyDay day = activities.myDay(cartera.zone());
        List<ActivityView> all = Stream.of(day.overdue(), day.today(), day.upcoming()).flatMap(List::stream).toList();
        model.addAttribute("section", "myday");
        model.addAttribute("overdue", grouped(day.overdue(), all));
        model.addAttribute("today", grouped(day.today(), all));
        model.addAttribute("upcoming", grouped(day.upcoming(), all));
        model.addAttribute("total", all.size());
        model.addAttribute("accountNames", AccountNames.of(accounts, all.stream().map(ActivityView::accountId).toList()));
        model.addAttribute("badges", alerts.badges());
    }

    /** Tasks of one group, each with its subtasks from anywhere in the day; a subtask whose parent is not listed stands alone. */
    static List<TaskWithSubtasks> grouped(List<ActivityView> group, List<ActivityView> all) {
        Set<UUID> listed = all.stream().map(ActivityView::id).collect(Collectors.toSet());
        Map<UUID, List<ActivityView>> children = new LinkedHashMap<>();
        all.stream().filter(t -> t.parentId() != null && listed.contains(t.parentId()))
                .forEach(t -> children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t));
        return group.stream()
                .filter(t -> t.parentId() == null || !listed.contains(t.parentId()))
                .map(t -> new TaskWithSubtasks(t, children.getOrDefault(t.id(), List.of())))
                .toList();
    }

    /** A task and the subtasks shown under it. */
    public record TaskWithSubtasks(ActivityView task, List<ActivityView> subtasks) {
    }
}
