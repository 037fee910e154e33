package dev.cartera.core.catalog;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalogue quotes are built from (KD-1): products and services, price lists per customer
 * segment and period, and the taxes of Spain. Everyone reads it; admins change it. Each tenant
 * starts with IVA 21/10/4/0 %, IGIC 7/3/0 %, recargo de equivalencia 5,2/1,4/0,5 % and an exempt
 * rate with its legal note.
 */
public final class CatalogService {
    /** The recargo de equivalencia that goes with each IVA rate (Ley 37/1992, art. 161). */
    private static final Map<String, String> SURCHARGE_FOR_IVA = Map.of("21", "5.2", "10", "1.4", "4", "0.5");

    private final Transactions tx;

    public CatalogService(Transactions tx) {
        this.tx = tx;
    }

    // ---- taxes

    public List<TaxView> taxes() {
        return tx.write(work -> {
            work.require(Action.READ, RecordType.PRODUCT);
            return taxes(work).stream().filter(Tax::isActive).map(TaxView::of).toList();
        });
    }

    public TaxView saveTax(TaxDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.UPDATE, RecordType.PRODUCT);
            String code = draft.code().strip().toUpperCase(Locale.ROOT);
            Tax tax = taxes(work).stream().filter(t -> t.getCode().equals(code)).findFirst().orElseGet(() -> {
                Tax created = new Tax();
                created.setCode(code);
                work.em().persist(created);
                return created;
            });
            tax.setName(draft.name().strip());
            tax.setKind(draft.kind());
            tax.setRate(draft.rate());
            tax.setLegalNote(Validator.trimToNull(draft.legalNote()));
            tax.setActive(draft.active());
            work.audit("TAX", RecordType.PRODUCT, tax.getId(), code + " " + draft.rate().toPlainString());
            return TaxView.of(work.flushed(tax));
        });
    }

    /** The tenant's taxes, seeded with Spain's on first use (bootstrap: no permission asked). */
    public static List<Tax> taxes(UnitOfWork work) {
        List<Tax> found = work.em().createQuery("select t from Tax t order by t.kind, t.rate desc, t.code", Tax.class).getResultList();
        if (!found.isEmpty()) {
            return found;
        }
        seedTax(work, "IVA21", "IVA general 21 %", TaxKind.IVA, "21", null);
        seedTax(work, "IVA10", "IVA reducido 10 %", TaxKind.IVA, "10", null);
        seedTax(work, "IVA4", "IVA superreducido 4 %", TaxKind.IVA, "4", null);
        seedTax(work, "IVA0", "IVA 0 %", TaxKind.IVA, "0", null);
        seedTax(work, "IGIC7", "IGIC general 7 %", TaxKind.IGIC, "7", null);
        seedTax(work, "IGIC3", "IGIC reducido 3 %", TaxKind.IGIC, "3", null);
        seedTax(work, "IGIC0", "IGIC tipo cero 0 %", TaxKind.IGIC, "0", null);
        seedTax(work, "RE5.2", "Recargo de equivalencia 5,2 %", TaxKind.RECARGO_EQUIVALENCIA, "5.2", null);
        seedTax(work, "RE1.4", "Recargo de equivalencia 1,4 %", TaxKind.RECARGO_EQUIVALENCIA, "1.4", null);
        seedTax(work, "RE0.5", "Recargo de equivalencia 0,5 %", TaxKind.RECARGO_EQUIVALENCIA, "0.5", null);
        seedTax(work, "EXENTO", "Exento de IVA", TaxKind.EXEMPT, "0",
                "Operación exenta de IVA en virtud del artículo 20 de la Ley 37/1992, del Impuesto sobre el Valor Añadido.");
        work.em().flush();
        return work.em().createQuery("select t from Tax t order by t.kind, t.rate desc, t.code", Tax.class).getResultList();
    }

    /** An active tax of the tenant by its code. */
    public static TaxRate taxRate(UnitOfWork work, String code, String field) {
        String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return taxes(work).stream().filter(t -> t.isActive() && t.getCode().equals(wanted)).findFirst()
                .map(t -> new TaxRate(t.getCode(), t.getKind(), t.getRate(), t.getLegalNote()))
                .orElseThrow(() -> ValidationException.of(field, "tax.unknown"));
    }

    /** The recargo de equivalencia that goes with an IVA rate, if that rate carries one. */
    public static Optional<TaxRate> surchargeFor(UnitOfWork work, TaxRate tax) {
        if (tax.kind() != TaxKind.IVA) {
            return Optional.empty();
        }
        String rate = SURCHARGE_FOR_IVA.get(tax.rate().stripTrailingZeros().toPlainString());
        if (rate == null) {
            return Optional.empty();
        }
        BigDecimal wanted = new BigDecimal(rate);
        return taxes(work).stream()
                .filter(t -> t.isActive() && t.getKind() == TaxKind.RECARGO_EQUIVALENCIA && t.getRate().compareTo(wanted) == 0)
                .findFirst().map(t -> new TaxRate(t.getCode(), t.getKind(), t.getRate(), t.getLegalNote()));
    }

    // ---- products

    public ProductView createProduct(ProductDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.PRODUCT);
            Product product = new Product();
            apply(work, draft, product);
            work.em().persist(product);
            work.audit("CREATE", RecordType.PRODUCT, product.getId(), product.getSku());
            return ProductView.of(work.flushed(product));
        });
    }

    public ProductView updateProduct(UUID id, Long expectedVersion, ProductDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Product product = work.loadShared(Product.class, RecordType.PRODUCT, id, Action.UPDATE);
            product.checkVersion(expectedVersion);
            apply(work, draft, product);
            work.audit("UPDATE", RecordType.PRODUCT, id, product.getSku());
            return ProductView.of(work.flushed(product));
        });
    }

    public ProductView product(UUID id) {
        return tx.read(work -> ProductView.of(work.loadShared(Product.class, RecordType.PRODUCT, id, Action.READ)));
    }

    public Optional<ProductView> productBySku(String sku) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.PRODUCT);
            return findBySku(work, normaliseSku(sku)).map(ProductView::of);
        });
    }

    public Page<ProductView> products(ProductQuery query, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter all = work.scopeFilter(Action.READ, RecordType.PRODUCT);
            SearchQuery<Product> q = new SearchQuery<>(Product.class, "p", "1 = 1")
                    .text(query.text(), "p.sku", "p.name", "p.description")
                    .equal("p.family", Validator.trimToNull(query.family()));
            if (!query.includeInactive()) {
                q.where("p.active = true");
            }
            return q.page(work.em(), all, "p.name, p.sku", page).map(ProductView::of);
        });
    }

    /** A product inside a running unit of work (quotes). */
    public static Product loadProduct(UnitOfWork work, UUID id) {
        return work.loadShared(Product.class, RecordType.PRODUCT, id, Action.READ);
    }

    // ---- price lists

    public PriceListView createPriceList(PriceListDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.PRICE_LIST);
            PriceList list = new PriceList();
            apply(work, draft, list);
            work.em().persist(list);
            work.audit("CREATE", RecordType.PRICE_LIST, list.getId(), list.getName());
            return view(work, work.flushed(list));
        });
    }

    public PriceListView updatePriceList(UUID id, Long expectedVersion, PriceListDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            PriceList list = work.loadShared(PriceList.class, RecordType.PRICE_LIST, id, Action.UPDATE);
            list.checkVersion(expectedVersion);
            apply(work, draft, list);
            work.audit("UPDATE", RecordType.PRICE_LIST, id, list.getName());
            return view(work, work.flushed(list));
        });
    }

    /** Sets a product's price in a list from a minimum quantity (null: from 1); a second call replaces it. */
    public PriceListView setPrice(UUID priceListId, UUID productId, BigDecimal unitPrice, BigDecimal minQuantity) {
        if (unitPrice == null || unitPrice.signum() < 0) {
            throw ValidationException.of("unitPrice", "validation.PositiveOrZero");
        }
        if (minQuantity != null && minQuantity.signum() < 0) {
            throw ValidationException.of("minQuantity", "validation.PositiveOrZero");
        }
        return tx.write(work -> {
            PriceList list = work.loadShared(PriceList.class, RecordType.PRICE_LIST, priceListId, Action.UPDATE);
            loadProduct(work, productId);
            PriceListItem item = items(work, priceListId).stream()
                    .filter(i -> i.getProductId().equals(productId) && Objects.equals(normaliseQty(i.getMinQuantity()), normaliseQty(minQuantity)))
                    .findFirst().orElseGet(() -> {
                        PriceListItem created = new PriceListItem();
                        created.setPriceListId(priceListId);
                        created.setProductId(productId);
                        created.setMinQuantity(minQuantity);
                        work.em().persist(created);
                        return created;
                    });
            item.setUnitPrice(unitPrice);
            work.audit("PRICE", RecordType.PRICE_LIST, priceListId, productId + " " + unitPrice.toPlainString());
            return view(work, work.flushed(list));
        });
    }

    public PriceListView removePrice(UUID priceListId, UUID itemId) {
        return tx.write(work -> {
            PriceList list = work.loadShared(PriceList.class, RecordType.PRICE_LIST, priceListId, Action.UPDATE);
            PriceListItem item = items(work, priceListId).stream().filter(i -> i.getId().equals(itemId)).findFirst()
                    .orElseThrow(() -> new NotFoundException(RecordType.PRICE_LIST, itemId));
            work.em().remove(item);
            work.audit("PRICE_REMOVE", RecordType.PRICE_LIST, priceListId, item.getProductId().toString());
            return view(work, work.flushed(list));
        });
    }

    public PriceListView priceList(UUID id) {
        return tx.read(work -> view(work, work.loadShared(PriceList.class, RecordType.PRICE_LIST, id, Action.READ)));
    }

    public List<PriceListView> priceLists() {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.PRICE_LIST);
            return work.em().createQuery("select l from PriceList l order by l.defaultList desc, l.name", PriceList.class)
                    .getResultStream().map(l -> view(work, l)).toList();
        });
    }

    /** The unit price a customer of a segment pays for a quantity of a product on a date. */
    public ResolvedPrice priceFor(UUID productId, String segment, LocalDate date, BigDecimal quantity) {
        return tx.read(work -> resolvePrice(work, loadProduct(work, productId), segment, date, quantity));
    }

    /**
     * Price resolution: the price lists valid on the date for the customer's segment, else the
     * default lists valid on the date; in a list, the item with the largest minimum quantity not
     * above the quantity; else the product's own price.
     */
    public static ResolvedPrice resolvePrice(UnitOfWork work, Product product, String segment, LocalDate date, BigDecimal quantity) {
        List<PriceList> valid = work.em().createQuery("select l from PriceList l where (l.validFrom is null or l.validFrom <= :d)"
                + " and (l.validTo is null or l.validTo >= :d) order by l.validFrom desc nulls last, l.id", PriceList.class)
                .setParameter("d", date).getResultList();
        String wanted = Validator.trimToNull(segment);
        List<PriceList> candidates = wanted == null ? List.of()
                : valid.stream().filter(l -> wanted.equalsIgnoreCase(l.getSegment())).toList();
        if (candidates.isEmpty()) {
            candidates = valid.stream().filter(PriceList::isDefaultList).toList();
        }
        BigDecimal qty = quantity == null ? BigDecimal.ONE : quantity;
        for (PriceList list : candidates) {
            Optional<PriceListItem> item = items(work, list.getId()).stream()
                    .filter(i -> i.getProductId().equals(product.getId()))
                    .filter(i -> normaliseQty(i.getMinQuantity()).compareTo(qty) <= 0)
                    .max(Comparator.comparing(i -> normaliseQty(i.getMinQuantity())));
            if (item.isPresent()) {
                return new ResolvedPrice(product.getId(), item.get().getUnitPrice(), list.getCurrency(), list.getId());
            }
        }
        return new ResolvedPrice(product.getId(), product.getUnitPrice(), product.getCurrency(), null);
    }

    private static PriceListView view(UnitOfWork work, PriceList l) {
        List<PriceListItem> items = items(work, l.getId());
        Map<UUID, Product> products = items.isEmpty() ? Map.of()
                : work.em().createQuery("select p from Product p where p.id in :ids", Product.class)
                        .setParameter("ids", items.stream().map(PriceListItem::getProductId).distinct().toList())
                        .getResultStream().collect(java.util.stream.Collectors.toMap(Product::getId, p -> p));
        return new PriceListView(l.getId(), l.getVersion(), l.getName(), l.getCurrency(), l.getSegment(), l.getValidFrom(),
                l.getValidTo(), l.isDefaultList(), items.stream()
                        .map(i -> new PriceListView.Item(i.getId(), i.getProductId(),
                                products.containsKey(i.getProductId()) ? products.get(i.getProductId()).getSku() : null,
                                products.containsKey(i.getProductId()) ? products.get(i.getProductId()).getName() : null,
                                i.getUnitPrice(), i.getMinQuantity()))
                        .toList());
    }

    private static List<PriceListItem> items(UnitOfWork work, UUID priceListId) {
        return work.em().createQuery("select i from PriceListItem i where i.priceListId = :l order by i.productId, i.minQuantity",
                PriceListItem.class).setParameter("l", priceListId).getResultList();
    }

    private static void apply(UnitOfWork work, ProductDraft d, Product p) {
        if (d.billing() == Billing.RECURRING && d.recurrencePeriod() == null) {
            throw ValidationException.of("recurrencePeriod", "product.period.required");
        }
        if (d.billing() == Billing.ONE_OFF && d.recurrencePeriod() != null) {
            throw ValidationException.of("recurrencePeriod", "product.period.one-off");
        }
        String sku = normaliseSku(d.sku());
        findBySku(work, sku).filter(other -> !other.getId().equals(p.getId())).ifPresent(other -> {
            throw new ConflictException("product.sku.taken", sku);
        });
        TaxRate tax = taxRate(work, d.taxCode(), "taxCode");
        p.setSku(sku);
        p.setName(d.name().strip());
        p.setDescription(Validator.trimToNull(d.description()));
        p.setUnit(Validator.trimToNull(d.unit()));
        p.setKind(d.kind());
        p.setBilling(d.billing());
        p.setRecurrencePeriod(d.recurrencePeriod());
        p.setUnitPrice(d.unitPrice());
        p.setCurrency(d.currency() == null ? "EUR" : d.currency());
        p.setTaxCode(tax.code());
        p.setFamily(Validator.trimToNull(d.family()));
        p.setActive(d.active());
    }

    private static void apply(UnitOfWork work, PriceListDraft d, PriceList l) {
        if (d.validFrom() != null && d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            throw ValidationException.of("validTo", "price-list.validity.reversed");
        }
        if (d.defaultList()) {
            work.em().createQuery("select l from PriceList l where l.defaultList = true", PriceList.class)
                    .getResultStream().filter(other -> !other.getId().equals(l.getId())).forEach(other -> other.setDefaultList(false));
        }
        l.setName(d.name().strip());
        l.setCurrency(d.currency() == null ? "EUR" : d.currency());
        l.setSegment(Validator.trimToNull(d.segment()));
        l.setValidFrom(d.validFrom());
        l.setValidTo(d.validTo());
        l.setDefaultList(d.defaultList());
    }

    private static Optional<Product> findBySku(UnitOfWork work, String sku) {
        return work.em().createQuery("select p from Product p where p.sku = :sku", Product.class)
                .setParameter("sku", sku).getResultStream().findFirst();
    }

    private static String normaliseSku(String sku) {
        return sku == null ? null : sku.strip().toUpperCase(Locale.ROOT);
    }

    private static BigDecimal normaliseQty(BigDecimal minQuantity) {
        return minQuantity == null ? BigDecimal.ZERO : minQuantity.stripTrailingZeros();
    }

    private static void seedTax(UnitOfWork work, String code, String name, TaxKind kind, String rate, String legalNote) {
        Tax tax = new Tax();
        tax.setCode(code);
        tax.setName(name);
        tax.setKind(kind);
        tax.setRate(new BigDecimal(rate));
        tax.setLegalNote(legalNote);
        tax.setActive(true);
        work.em().persist(tax);
    }
}
