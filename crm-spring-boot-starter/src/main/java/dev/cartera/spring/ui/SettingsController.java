package dev.cartera.spring.ui;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.catalog.ProductDraft;
import dev.cartera.core.catalog.ProductKind;
import dev.cartera.core.catalog.ProductQuery;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.opportunity.DealField;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageDraft;
import dev.cartera.core.opportunity.StageKind;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.spring.CarteraProperties;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's settings for issue 6, without a redeploy: the stages of the pipeline (name, probability,
 * time limit, required fields — X-18), the lost reasons, and the catalogue (products and services,
 * taxes, price lists). Everyone may look; the core refuses changes from anyone but an admin.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/settings")
class SettingsController implements CarteraUiController {
    private final PipelineService pipelines;
    private final CatalogService catalog;
    private final CarteraMessages messages;
    private final String base;

    SettingsController(PipelineService pipelines, CatalogService catalog, CarteraMessages messages, CarteraProperties properties) {
        this.pipelines = pipelines;
        this.catalog = catalog;
        this.messages = messages;
        this.base = properties.web().basePath();
    }

    @GetMapping("/pipeline")
    String pipeline(@RequestParam(required = false) UUID pipeline, Model model) {
        return pipelinePage(pipeline, new FormErrors(messages), model);
    }

    @PostMapping("/pipeline/stages/{stageId}")
    String updateStage(@PathVariable UUID stageId, @RequestParam UUID pipeline, @RequestParam String name,
            @RequestParam(defaultValue = "0") int probability, @RequestParam(required = false) Integer timeLimitDays,
            @RequestParam(required = false) List<DealField> required, Model model) {
        PipelineView current = pipelines.get(pipeline);
        StageKind kind = current.stage(stageId).map(StageView::kind).orElse(StageKind.OPEN);
        Set<DealField> fields = required == null || required.isEmpty() ? Set.of() : EnumSet.copyOf(required);
        FormErrors errors = new FormErrors(messages);
        try {
            pipelines.updateStage(stageId, null, new StageDraft(name, probability, timeLimitDays, kind, fields));
            return "redirect:" + base + "/settings/pipeline?pipeline=" + pipeline + "&saved";
        } catch (ValidationException e) {
            errors.add(e);
        }
        return pipelinePage(pipeline, errors, model);
    }

    @PostMapping("/pipeline/stages")
    String addStage(@RequestParam UUID pipeline, @RequestParam String name, @RequestParam(defaultValue = "0") int probability,
            @RequestParam(required = false) Integer timeLimitDays, Model model) {
        FormErrors errors = new FormErrors(messages);
        try {
            pipelines.addStage(pipeline, null, new StageDraft(name, probability, timeLimitDays, StageKind.OPEN, Set.of()));
            return "redirect:" + base + "/settings/pipeline?pipeline=" + pipeline + "&saved";
        } catch (ValidationException e) {
            errors.add(e);
        }
        return pipelinePage(pipeline, errors, model);
    }

    @PostMapping("/lost-reasons")
    String addLostReason(@RequestParam String name, Model model) {
        FormErrors errors = new FormErrors(messages);
        try {
            pipelines.addLostReason(name);
            return "redirect:" + base + "/settings/pipeline?saved";
        } catch (ValidationException e) {
            errors.add(e);
        }
        return pipelinePage(null, errors, model);
    }

    @PostMapping("/lost-reasons/{id}/active")
    String lostReasonActive(@PathVariable UUID id, @RequestParam boolean active) {
        pipelines.setLostReasonActive(id, active);
        return "redirect:" + base + "/settings/pipeline?saved";
    }

    @GetMapping("/catalogue")
    String catalogue(Model model) {
        return cataloguePage(new FormErrors(messages), model);
    }

    @PostMapping("/catalogue/products")
    String addProduct(@RequestParam String sku, @RequestParam String name, @RequestParam(required = false) String unitPrice,
            @RequestParam String taxCode, @RequestParam(defaultValue = "ONE_OFF") String charge, Model model) {
        FormErrors errors = new FormErrors(messages);
        BigDecimal price = null;
        try {
            price = CarteraUiFormat.parseAmount(unitPrice, LocaleContextHolder.getLocale()).orElse(null);
        } catch (NumberFormatException e) {
            errors.add("unitPrice", "typeMismatch");
        }
        if (errors.isEmpty()) {
            boolean oneOff = "ONE_OFF".equals(charge);
            RecurrencePeriod period = oneOff ? null : RecurrencePeriod.valueOf(charge);
            try {
                catalog.createProduct(new ProductDraft(sku, name, null, oneOff ? "ud" : null,
                        oneOff ? ProductKind.PRODUCT : ProductKind.SERVICE, oneOff ? Billing.ONE_OFF : Billing.RECURRING, period,
                        price, "EUR", taxCode, null, true));
                return "redirect:" + base + "/settings/catalogue?saved";
            } catch (ValidationException e) {
                errors.add(e);
            } catch (ConflictException e) {
                errors.add("sku", e.code());
            }
        }
        return cataloguePage(errors, model);
    }

    private String pipelinePage(UUID pipeline, FormErrors errors, Model model) {
        List<PipelineView> all = pipelines.list();
        PipelineView shown = all.stream().filter(p -> p.id().equals(pipeline)).findFirst().orElseGet(pipelines::defaultPipeline);
        model.addAttribute("section", "opportunities");
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", shown);
        model.addAttribute("fields", DealField.values());
        model.addAttribute("lostReasons", pipelines.allLostReasons());
        model.addAttribute("errors", errors);
        return "cartera/settings-pipeline";
    }

    private String cataloguePage(FormErrors errors, Model model) {
        model.addAttribute("section", "opportunities");
        model.addAttribute("products", catalog.products(new ProductQuery(null, null, true), new PageRequest(0, 200)).items());
        model.addAttribute("taxes", catalog.taxes());
        model.addAttribute("priceLists", catalog.priceLists());
        model.addAttribute("errors", errors);
        return "cartera/settings-catalogue";
    }
}
