package dev.cartera.spring.ui;

import dev.cartera.core.board.Board;
import dev.cartera.core.board.BoardFilter;
import dev.cartera.core.board.BoardService;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.catalog.ProductQuery;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageKind;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.core.team.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The Kanban: a column per stage with count, amount and weighted amount, cards with their
 * stage timers, drag and drop (or "Mover a…" on a phone) to change stage. A move the stage's
 * required fields or a lost reason hold up comes back as a dialog asking for them.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/opportunities")
class BoardController implements CarteraUiController {
    private static final Set<String> ASKABLE = Set.of("amount", "expectedCloseDate", "description", "lostReason");

    private final BoardService boards;
    private final PipelineService pipelines;
    private final OpportunityService opportunities;
    private final UserService users;
    private final CatalogService catalog;
    private final CarteraMessages messages;
    private final String base;
    private final AlertItems alertItems;

    BoardController(BoardService boards, PipelineService pipelines, OpportunityService opportunities, UserService users,
            CatalogService catalog, CarteraMessages messages, dev.cartera.spring.CarteraProperties properties,
            AlertItems alertItems) {
        this.base = properties.web().basePath();
        this.alertItems = alertItems;
        this.boards = boards;
        this.pipelines = pipelines;
        this.opportunities = opportunities;
        this.users = users;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/board")
    String board(@ModelAttribute("filter") BoardForm filter, HttpServletRequest request, Model model) {
        fill(model, filter);
        return Htmx.partial(request) ? "cartera/board :: board" : "cartera/board";
    }

    /** A move from the board: a drag, the phone's "Mover a…" select, or the dialog that completes it. */
    @PostMapping("/{id}/move")
    String move(@PathVariable UUID id, @ModelAttribute("move") MoveForm move, @ModelAttribute("filter") BoardForm filter,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        OpportunityView deal = opportunities.get(id);
        PipelineView pipeline = pipelines.get(deal.pipelineId());
        StageView target = pipeline.stage(move.getStageId()).orElse(null);
        FormErrors errors = new FormErrors(messages);
        if (target == null) {
            errors.add("stageId", "stage.not-in-pipeline");
        } else {
            try {
                Long expected = move.getVersion();
                if (move.carriesFields()) {
                    opportunities.update(id, expected, withFields(deal, move, errors));
                    expected = null;
                }
                if (errors.isEmpty()) {
                    opportunities.moveToStage(id, expected, target.id(), move.getLostReason());
                    filter.setPipeline(deal.pipelineId());
                    model.addAttribute("notice", "cartera.board.moved");
                    model.addAttribute("noticeArg", target.name());
                    fill(model, filter);
                    return Htmx.partial(request) ? "cartera/board :: board" : "redirect:" + base + "/opportunities/board";
                }
            } catch (ValidationException e) {
                errors.add(e);
            } catch (ConflictException e) {
                filter.setPipeline(deal.pipelineId());
                model.addAttribute("problem", messages.has("cartera.error." + e.code()) ? "cartera.error." + e.code() : "cartera.error.conflict.text");
                fill(model, filter);
                return Htmx.partial(request) ? "cartera/board :: board" : "cartera/board";
            }
        }
        // The dialog asks for what the stage needs; whatever it cannot ask for is explained instead.
        Set<String> ask = new LinkedHashSet<>();
        if (target != null && target.kind() == StageKind.LOST) {
            ask.add("lostReason");
        }
        errors.all().keySet().stream().filter(ASKABLE::contains).forEach(ask::add);
        model.addAttribute("deal", opportunities.get(id));
        model.addAttribute("target", target);
        model.addAttribute("ask", ask);
        model.addAttribute("errors", errors);
        model.addAttribute("lostReasons", pipelines.lostReasons());
        model.addAttribute("other", errors.all().keySet().stream().filter(f -> !ASKABLE.contains(f)).map(errors::get).distinct().toList());
        if (Htmx.partial(request)) {
            response.setHeader("HX-Retarget", "#move-dialog-slot");
            response.setHeader("HX-Reswap", "innerHTML");
            return "cartera/board :: moveDialog";
        }
        fill(model, filter);
        model.addAttribute("dialogOpen", true);
        return "cartera/board";
    }

    private OpportunityDraft withFields(OpportunityView d, MoveForm move, FormErrors errors) {
        BigDecimal amount = d.amount();
        if (move.getAmount() != null && !move.getAmount().isBlank()) {
            try {
                amount = CarteraUiFormat.parseAmount(move.getAmount(), LocaleContextHolder.getLocale()).orElse(null);
            } catch (NumberFormatException e) {
                errors.add("amount", "typeMismatch");
            }
        }
        LocalDate close = d.expectedCloseDate();
        if (move.getExpectedCloseDate() != null && !move.getExpectedCloseDate().isBlank()) {
            try {
                close = LocalDate.parse(move.getExpectedCloseDate().strip());
            } catch (DateTimeParseException e) {
                errors.add("expectedCloseDate", "typeMismatch");
            }
        }
        String description = move.getDescription() != null && !move.getDescription().isBlank() ? move.getDescription() : d.description();
        return new OpportunityDraft(d.name(), d.accountId(), d.contactId(), d.pipelineId(), d.stageId(), amount, d.currency(), close,
                d.ownerId(), d.source(), d.campaignId(), description);
    }

    private void fill(Model model, BoardForm filter) {
        List<PipelineView> all = pipelines.list();
        PipelineView pipeline = filter.getPipeline() == null ? pipelines.defaultPipeline()
                : all.stream().filter(p -> p.id().equals(filter.getPipeline())).findFirst().orElseGet(pipelines::defaultPipeline);
        Board board = boards.board(pipeline.id(), new BoardFilter(filter.getOwner(), filter.getTeam(), filter.getProduct(),
                BoardFilter.DEFAULT_CLOSED_WITHIN_DAYS));
        model.addAttribute("section", "opportunities");
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("board", board);
        model.addAttribute("badges", alertItems.badges());
        model.addAttribute("owners", safe(users::list));
        model.addAttribute("isAdmin", safe(() -> List.of(users.me())).stream().anyMatch(u -> u.role() == dev.cartera.core.access.Role.ADMIN));
        model.addAttribute("teams", safe(users::teams));
        model.addAttribute("products", catalog.products(ProductQuery.active(), new PageRequest(0, 200)).items());
        model.addAttribute("currency", board.columns().stream().flatMap(c -> c.cards().stream()).map(Board.Card::currency)
                .filter(java.util.Objects::nonNull).findFirst().orElse("EUR"));
    }

    private static <T> List<T> safe(java.util.function.Supplier<List<T>> list) {
        try {
            return list.get();
        } catch (CrmException e) {
            return List.of();
        }
    }

    /** The board's filters, kept in the URL. */
    public static class BoardForm {
        private UUID pipeline;
        private UUID owner;
        private UUID team;
        private UUID product;

        public UUID getPipeline() {
            return pipeline;
        }

        public void setPipeline(UUID pipeline) {
            this.pipeline = pipeline;
        }

        public UUID getOwner() {
            return owner;
        }

        public void setOwner(UUID owner) {
            this.owner = owner;
        }

        public UUID getTeam() {
            return team;
        }

        public void setTeam(UUID team) {
            this.team = team;
        }

        public UUID getProduct() {
            return product;
        }

        public void setProduct(UUID product) {
            this.product = product;
        }
    }

    /** A move: the target stage, the card's version, and what the dialog asked for. */
    public static class MoveForm {
        private UUID stageId;
        private Long version;
        private String amount;
        private String expectedCloseDate;
        private String description;
        private String lostReason;

        boolean carriesFields() {
            return notBlank(amount) || notBlank(expectedCloseDate) || notBlank(description);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }

        public UUID getStageId() {
            return stageId;
        }

        public void setStageId(UUID stageId) {
            this.stageId = stageId;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getExpectedCloseDate() {
            return expectedCloseDate;
        }

        public void setExpectedCloseDate(String expectedCloseDate) {
            this.expectedCloseDate = expectedCloseDate;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getLostReason() {
            return lostReason;
        }

        public void setLostReason(String lostReason) {
            this.lostReason = lostReason;
        }
    }
}
