package dev.cartera.spring.api.lead;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadCreation;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leads: register, edit, search, work through statuses, assign and convert. */
@RestController
@RequestMapping("/leads")
public class LeadController {
    private final LeadService leads;

    public LeadController(LeadService leads) {
        this.leads = leads;
    }

    @GetMapping
    public ApiPage<LeadView> search(@RequestParam(required = false) String text,
            @RequestParam(required = false) LeadStatus status, @RequestParam(required = false) String source,
            @RequestParam(required = false) UUID ownerId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(leads.search(new LeadQuery(text, status, source, ownerId), new PageRequest(page, size)));
    }

    /**
     * Creates a lead. With the duplicate check on BLOCK, likely duplicates make it a 409 problem listing
     * them, unless {@code allowDuplicates=true}; on WARN the count goes back in {@code X-Duplicate-Candidates}.
     */
    @PostMapping
    public ResponseEntity<LeadView> create(@Valid @RequestBody LeadDraft draft,
            @RequestParam(defaultValue = "false") boolean allowDuplicates) {
        LeadCreation created = leads.createChecked(draft, allowDuplicates);
        LeadView lead = created.lead();
        ResponseEntity<LeadView> response = Versions.created(lead, lead.id(), lead.version());
        return created.duplicates().isEmpty() ? response
                : ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                        .header("X-Duplicate-Candidates", Integer.toString(created.duplicates().size())).body(lead);
    }

    @GetMapping("/{id}")
    public ResponseEntity<LeadView> get(@PathVariable UUID id) {
        LeadView lead = leads.get(id);
        return Versions.ok(lead, lead.version());
    }

    @PutMapping("/{id}")
    public ResponseEntity<LeadView> update(@PathVariable UUID id, @Valid @RequestBody LeadDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = leads.update(id, Versions.expected(ifMatch), draft);
        return Versions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/status")
    public ResponseEntity<LeadView> changeStatus(@PathVariable UUID id, @Valid @RequestBody LeadStatusChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = leads.changeStatus(id, Versions.expected(ifMatch), change.status(), change.reason());
        return Versions.ok(updated, updated.version());
    }

    @PostMapping("/{id}/assign")
    public ResponseEntity<LeadView> assign(@PathVariable UUID id, @RequestBody LeadAssignment assignment,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = leads.assign(id, Versions.expected(ifMatch), assignment.ownerId());
        return Versions.ok(updated, updated.version());
    }

    /** Without a body the lead becomes an account, a contact and a deal named after the account. */
    @PostMapping("/{id}/convert")
    public ConversionResult convert(@PathVariable UUID id, @RequestBody(required = false) Conversion conversion,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return leads.convert(id, Versions.expected(ifMatch), (conversion != null ? conversion : Conversion.USUAL).toCommand());
    }
}
