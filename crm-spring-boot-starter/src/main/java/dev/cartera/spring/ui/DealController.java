package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountService;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.quote.QuoteView;
import dev.cartera.core.team.UserService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** One deal: where it stands, how long it spent in each stage, its quotes and the documents attached. */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/opportunities")
class DealController implements CarteraUiController {
    private final OpportunityService opportunities;
    private final PipelineService pipelines;
    private final AccountService accounts;
    private final QuoteService quotes;
    private final UserService users;
    private final CarteraUiFormat format;

    DealController(OpportunityService opportunities, PipelineService pipelines, AccountService accounts, QuoteService quotes,
            UserService users, CarteraUiFormat format) {
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.accounts = accounts;
        this.quotes = quotes;
        this.users = users;
        this.format = format;
    }

    @GetMapping("/{id}")
    String deal(@PathVariable UUID id, Model model) {
        OpportunityView deal = opportunities.get(id);
        List<QuoteView> dealQuotes = quotes.ofOpportunity(id);
        Map<UUID, QuoteView> byPdf = dealQuotes.stream().filter(q -> q.pdfDocumentId() != null)
                .collect(Collectors.toMap(QuoteView::pdfDocumentId, Function.identity(), (a, b) -> a));
        model.addAttribute("section", "opportunities");
        model.addAttribute("deal", deal);
        model.addAttribute("pipeline", pipelines.get(deal.pipelineId()));
        model.addAttribute("accountName", deal.accountId() == null ? null
                : AccountNames.of(accounts, List.of(deal.accountId())).get(deal.accountId()));
        model.addAttribute("ownerName", ownerName(deal.ownerId()));
        model.addAttribute("stays", opportunities.timeInStages(id, format.now()));
        model.addAttribute("quotes", dealQuotes);
        model.addAttribute("documents", quotes.documentsOfDeal(id));
        model.addAttribute("quoteOfDocument", byPdf);
        return "cartera/deal";
    }

    private String ownerName(UUID ownerId) {
        if (ownerId == null) {
            return null;
        }
        try {
            return users.get(ownerId).displayName();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
