package dev.cartera.spring.api.catalog;

import dev.cartera.core.Cartera;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.catalog.PriceListView;
import dev.cartera.core.catalog.ProductQuery;
import dev.cartera.core.catalog.ProductView;
import dev.cartera.core.catalog.ResolvedPrice;
import dev.cartera.core.catalog.TaxView;
import dev.cartera.core.common.PageRequest;
import dev.cartera.spring.api.support.ApiPage;
import dev.cartera.spring.api.support.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue (KD-1): products and services, Spain's taxes and the price lists per segment.
 * Everyone reads; admins write (the core checks).
 */
@RestController
public class CatalogController {
    private final CatalogService catalog;
    private final Cartera cartera;

    public CatalogController(CatalogService catalog, Cartera cartera) {
        this.catalog = catalog;
        this.cartera = cartera;
    }

    @GetMapping("/products")
    public ApiPage<ProductView> products(@RequestParam(required = false) String text, @RequestParam(required = false) String family,
            @RequestParam(defaultValue = "false") boolean includeInactive, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(catalog.products(new ProductQuery(text, family, includeInactive), new PageRequest(page, size)));
    }

    @PostMapping("/products")
    public ResponseEntity<ProductView> createProduct(@Valid @RequestBody ProductRequest draft) {
        ProductView created = catalog.createProduct(draft.toDraft());
        return Versions.created(created, created.id(), created.version());
    }

    @GetMapping("/products/{id}")
    public ResponseEntity<ProductView> product(@PathVariable UUID id) {
        ProductView product = catalog.product(id);
        return Versions.ok(product, product.version());
    }

    @PutMapping("/products/{id}")
    public ResponseEntity<ProductView> updateProduct(@PathVariable UUID id, @Valid @RequestBody ProductRequest draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        catalog.updateProduct(id, Versions.expected(ifMatch), draft.toDraft());
        return product(id);
    }

    /** What a customer of a segment pays for a quantity on a date (defaults: any segment, today, 1). */
    @GetMapping("/products/{id}/price")
    public ResolvedPrice price(@PathVariable UUID id, @RequestParam(required = false) String segment,
            @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "1") BigDecimal quantity) {
        LocalDate on = date != null ? date : LocalDate.ofInstant(cartera.transactions().clock().instant(), cartera.zone());
        return catalog.priceFor(id, segment, on, quantity);
    }

    @GetMapping("/taxes")
    public List<TaxView> taxes() {
        return catalog.taxes();
    }

    /** Adds a tax, or changes the one with the same code. */
    @PutMapping("/taxes/{code}")
    public TaxView saveTax(@PathVariable String code, @Valid @RequestBody TaxRequest tax) {
        return catalog.saveTax(tax.toDraft(code));
    }

    @GetMapping("/price-lists")
    public List<PriceListView> priceLists() {
        return catalog.priceLists();
    }

    @PostMapping("/price-lists")
    public ResponseEntity<PriceListView> createPriceList(@Valid @RequestBody PriceListRequest draft) {
        PriceListView created = catalog.createPriceList(draft.toDraft());
        return Versions.created(created, created.id(), created.version());
    }

    @GetMapping("/price-lists/{id}")
    public ResponseEntity<PriceListView> priceList(@PathVariable UUID id) {
        PriceListView list = catalog.priceList(id);
        return Versions.ok(list, list.version());
    }

    @PutMapping("/price-lists/{id}")
    public ResponseEntity<PriceListView> updatePriceList(@PathVariable UUID id, @Valid @RequestBody PriceListRequest draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        catalog.updatePriceList(id, Versions.expected(ifMatch), draft.toDraft());
        return priceList(id);
    }

    /** Sets a product's price in the list from a minimum quantity; the same product and quantity again replaces it. */
    @PostMapping("/price-lists/{id}/items")
    public ResponseEntity<PriceListView> setPrice(@PathVariable UUID id, @Valid @RequestBody Price price) {
        catalog.setPrice(id, price.productId(), price.unitPrice(), price.minQuantity());
        return priceList(id);
    }

    @DeleteMapping("/price-lists/{id}/items/{itemId}")
    public ResponseEntity<PriceListView> removePrice(@PathVariable UUID id, @PathVariable UUID itemId) {
        catalog.removePrice(id, itemId);
        return priceList(id);
    }

    public record Price(@NotNull UUID productId,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal minQuantity) {
    }
}
