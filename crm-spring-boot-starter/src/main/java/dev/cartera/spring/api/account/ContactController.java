package dev.cartera.spring.api.account;

import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.common.PageRequest;
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

/** Contact persons, usually at an account. */
@RestController
@RequestMapping("/contacts")
public class ContactController {
    private final ContactService contacts;

    public ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    public ApiPage<ContactView> search(@RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(contacts.search(text, new PageRequest(page, size)));
    }

    @PostMapping
    public ResponseEntity<ContactView> create(@Valid @RequestBody ContactDraft draft) {
        ContactView contact = contacts.create(draft);
        return Versions.created(contact, contact.id(), contact.version());
    }

    @GetMapping("/{id}")
    public ResponseEntity<ContactView> get(@PathVariable UUID id) {
        ContactView contact = contacts.get(id);
        return Versions.ok(contact, contact.version());
    }

    @PutMapping("/{id}")
    public ResponseEntity<ContactView> update(@PathVariable UUID id, @Valid @RequestBody ContactDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = contacts.update(id, Versions.expected(ifMatch), draft);
        return Versions.ok(updated, updated.version());
    }
}
