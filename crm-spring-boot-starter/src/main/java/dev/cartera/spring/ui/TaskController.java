package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountService;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.TaskQuery;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.team.UserService;
import dev.cartera.spring.CarteraProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tasks by due date: mine by default, or everything the user can see; overdue ones stand out. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/tasks")
class TaskController implements CarteraUiController {
    private final ActivityService activities;
    private final UserService users;
    private final AccountService accounts;
    private final CarteraUiProperties ui;
    private final String base;

    private final AlertItems alertItems;

    TaskController(ActivityService activities, UserService users, AccountService accounts, CarteraUiProperties ui,
            CarteraProperties properties, AlertItems alertItems) {
        this.alertItems = alertItems;
        this.activities = activities;
        this.users = users;
        this.accounts = accounts;
        this.ui = ui;
        this.base = properties.web().basePath();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "mine") String who,
            @RequestParam(defaultValue = "PLANNED") ActivityStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        UUID owner = "all".equals(who) ? null : users.me().id();
        Page<ActivityView> found = activities.tasks(new TaskQuery(owner, status, null),
                new PageRequest(Math.max(page, 0), ui.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("who", who);
        filters.put("status", status);
        model.addAttribute("section", "tasks");
        model.addAttribute("who", "all".equals(who) ? "all" : "mine");
        model.addAttribute("status", status);
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("tasks", found);
        model.addAttribute("badges", alertItems.badges());
        model.addAttribute("accountNames", AccountNames.of(accounts, found.items().stream().map(ActivityView::accountId).toList()));
        model.addAttribute("pager", PageLinks.of(found, base + "/tasks", filters));
        return "cartera/tasks";
    }

    @PostMapping("/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String outcome) {
        activities.complete(id, version, outcome);
        return "redirect:" + base + "/tasks";
    }
}
