package dev.cartera.spring.ui;

import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.TaskQuery;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.team.UserService;
import dev.cartera.core.team.UserView;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page: a greeting and what the user can see and has to do today. The reporting issue fills it further. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}")
class DashboardController implements CarteraUiController {
    private static final int RECENT = 5;

    private final UserService users;
    private final LeadService leads;
    private final OpportunityService opportunities;
    private final ActivityService activities;
    private final CarteraUiFormat format;

    DashboardController(UserService users, LeadService leads, OpportunityService opportunities,
            ActivityService activities, CarteraUiFormat format) {
        this.users = users;
        this.leads = leads;
        this.opportunities = opportunities;
        this.activities = activities;
        this.format = format;
    }

    @GetMapping({"", "/"})
    String dashboard(Model model) {
        UserView me = users.me();
        long openLeads = 0;
        for (LeadStatus status : new LeadStatus[] {LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED}) {
            openLeads += leads.search(new LeadQuery(null, status, null, null), PageRequest.first(1)).total();
        }
        model.addAttribute("section", "dashboard");
        model.addAttribute("me", me);
        model.addAttribute("openLeads", openLeads);
        Page<OpportunityView> open = opportunities.search(openOpportunities(), PageRequest.first(PageRequest.MAX_SIZE));
        model.addAttribute("openOpportunities", open.total());
        model.addAttribute("pipeline", pipelineByCurrency(open));
        model.addAttribute("tasksDue", activities.tasks(
                new TaskQuery(me.id(), ActivityStatus.PLANNED, format.endOfToday()), PageRequest.first(1)).total());
        model.addAttribute("tasksOverdue", activities.tasks(
                new TaskQuery(me.id(), ActivityStatus.PLANNED, format.now()), PageRequest.first(1)).total());
        model.addAttribute("recentLeads", leads.search(LeadQuery.all(), PageRequest.first(RECENT)).items());
        return "cartera/dashboard";
    }

    private static OpportunityQuery openOpportunities() {
        return new OpportunityQuery(null, OpportunityStatus.OPEN, null, null, null, null);
    }

    /** Sums every open deal the user can see, page by page, per currency. */
    private Map<String, BigDecimal> pipelineByCurrency(Page<OpportunityView> first) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Page<OpportunityView> page = first;
        while (true) {
            for (OpportunityView o : page.items()) {
                if (o.amount() != null) {
                    sums.merge(o.currency() == null ? "EUR" : o.currency(), o.amount(), BigDecimal::add);
                }
            }
            if (!page.hasNext()) {
                break;
            }
            page = opportunities.search(openOpportunities(), new PageRequest(page.page() + 1, page.size()));
        }
        if (sums.isEmpty()) {
            sums.put("EUR", BigDecimal.ZERO);
        }
        return sums;
    }
}
