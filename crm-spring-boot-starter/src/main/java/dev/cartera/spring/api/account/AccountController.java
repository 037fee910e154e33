package dev.cartera.spring.api.account;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountQuery;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.card.CustomerCard;
import dev.cartera.core.card.CustomerCardService;
import dev.cartera.core.common.PageRequest;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import java.util.List;
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

/** Accounts (customers, suppliers, partners), their contacts and their customer card. */
@RestController
@RequestMapping("/accounts")
public class AccountController {
    private final AccountService accounts;
    private final ContactService contacts;
    private final CustomerCardService cards;

    public AccountController(AccountService accounts, ContactService contacts, CustomerCardService cards) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.cards = cards;
    }

    /** {@code role} is customer, supplier or partner. */
    @GetMapping
    public ApiPage<AccountView> search(@RequestParam(required = false) String text,
            @RequestParam(required = false) String role, @RequestParam(required = false) UUID ownerId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(accounts.search(new AccountQuery(text, role, ownerId), new PageRequest(page, size)));
    }

    @PostMapping
    public ResponseEntity<AccountView> create(@Valid @RequestBody AccountDraft draft) {
        AccountView account = accounts.create(draft);
        return Versions.created(account, account.id(), account.version());
    }

    @GetMapping("/{id}")
    public ResponseEntity<AccountView> get(@PathVariable UUID id) {
        AccountView account = accounts.get(id);
        return Versions.ok(account, account.version());
    }

    @PutMapping("/{id}")
    public ResponseEntity<AccountView> update(@PathVariable UUID id, @Valid @RequestBody AccountDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var updated = accounts.update(id, Versions.expected(ifMatch), draft);
        return Versions.ok(updated, updated.version());
    }

    @GetMapping("/{id}/contacts")
    public List<ContactView> contacts(@PathVariable UUID id) {
        return contacts.ofAccount(id);
    }

    /** Everything the caller may see about the customer; no ETag, as it spans many records. */
    @GetMapping("/{id}/card")
    public CustomerCard card(@PathVariable UUID id) {
        return cards.card(id);
    }
}
