package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountService;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.spring.CarteraProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Deals as a list (the Kanban board comes later): stage, amount, age; open ones first by default. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/opportunities")
class OpportunityController implements CarteraUiController {
    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final CarteraUiProperties ui;
    private final String base;

    OpportunityController(OpportunityService opportunities, AccountService accounts, CarteraUiProperties ui,
            CarteraProperties properties) {
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.ui = ui;
        this.base = properties.web().basePath();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q,
            @RequestParam(required = false, defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        OpportunityStatus filter = parse(status);
        status = filter == null ? "ALL" : filter.name();
        Page<OpportunityView> found = opportunities.search(new OpportunityQuery(q, filter, null, null, null, null),
                new PageRequest(Math.max(page, 0), ui.pageSize()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("status", status);
        model.addAttribute("section", "opportunities");
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", new String[] {"OPEN", "WON", "LOST", "ALL"});
        model.addAttribute("opportunities", found);
        model.addAttribute("accountNames", AccountNames.of(accounts, found.items().stream().map(OpportunityView::accountId).toList()));
        model.addAttribute("pager", PageLinks.of(found, base + "/opportunities", filters));
        return Htmx.partial(request) ? "cartera/opportunities :: results" : "cartera/opportunities";
    }

    private static OpportunityStatus parse(String status) {
        for (OpportunityStatus candidate : OpportunityStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null;
    }
}
