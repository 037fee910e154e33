package dev.cartera.core.document;

import dev.cartera.core.records.RecordRef;
import dev.cartera.core.access.Action;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.document.internal.FileNames;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.records.Records;
import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.spi.DocumentStore.StoredContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.tika.Tika;

/**
 * Centralised documents (KD-7): uploads streamed into the {@link DocumentStore}, links to documents
 * kept elsewhere, versions, soft delete. Content is stored first and the metadata row written after;
 * if the row cannot be written, content no other document uses is removed again — a failed upload
 * leaves neither a row nor an orphan.
 */
public final class DocumentService {
    private static final int SNIFF_BYTES = 8 * 1024;
    private static final Tika TIKA = new Tika();

    private final Transactions tx;
    private final DocumentStore store;
    private final DocumentPolicy policy;

    public DocumentService(Transactions tx, DocumentStore store, DocumentPolicy policy) {
        this.tx = tx;
        this.store = store;
        this.policy = policy;
    }

    /** Uploads a document linked to one or more records the caller can see. */
    public DocumentView upload(String fileName, DocumentCategory category, List<RecordRef> links, InputStream content) {
        return store(fileName, category, links, content, null, null);
    }

    /** Stores what a customer sent through an upload link, as the tenant's system actor. */
    DocumentView uploadFromCustomer(String tenantId, String fileName, UUID accountId, InputStream content) {
        return store(fileName, DocumentCategory.OTHER, List.of(new RecordRef(RecordType.ACCOUNT, accountId)), content, tenantId, null);
    }

    /** A new version of a document: same links and category, the old version stays readable. */
    public DocumentView newVersion(UUID documentId, String fileName, InputStream content) {
        DocumentView previous = get(documentId);
        return store(fileName, previous.category(), previous.links(), content, null, previous);
    }

    /** Links a document that lives elsewhere (Drive, SharePoint, the ERP) instead of uploading it. */
    public DocumentView link(String name, String url, DocumentCategory category, List<RecordRef> links) {
        URI uri = externalUri(url);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.DOCUMENT);
            Document d = newDocument(work, FileNames.safe(name == null ? uri.getHost() : name), category, links, false);
            d.setExternalUrl(uri.toString());
            d.setMediaType("text/uri-list");
            return persist(work, d, links);
        });
    }

    public DocumentView get(UUID id) {
        return tx.read(work -> view(work, load(work, id, Action.READ)));
    }

    public DocumentContent download(UUID id) {
        Document d = tx.read(work -> load(work, id, Action.READ));
        if (d.getStorageKey() == null || d.getDeletedAt() != null) {
            throw new NotFoundException(RecordType.DOCUMENT, id);
        }
        try {
            return new DocumentContent(d.getName(), d.getMediaType(), d.getSizeBytes(), store.open(d.getTenantId(), d.getStorageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("document content unavailable", e);
        }
    }

    public List<DocumentView> ofRecord(RecordType type, UUID id) {
        return tx.read(work -> {
            Records.accountOf(work, type, id);
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.DOCUMENT);
            List<Document> docs = new SearchQuery<>(Document.class, "d", scope.predicate("d.ownerId"))
                    .where("d.deletedAt is null")
                    .where("d.id in (select l.documentId from DocumentLink l where l.recordType = ? and l.recordId = ?)", type, id)
                    .list(work.em(), scope, "d.createdAt desc, d.id", 500);
            return docs.stream().map(d -> view(work, d)).toList();
        });
    }

    public Page<DocumentView> search(DocumentQuery query, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.DOCUMENT);
            SearchQuery<Document> q = new SearchQuery<>(Document.class, "d", scope.predicate("d.ownerId"))
                    .text(query.text(), "d.name")
                    .equal("d.category", query.category())
                    .equal("d.providedByCustomer", query.providedByCustomer())
                    .where(query.deleted() ? "d.deletedAt is not null" : "d.deletedAt is null");
            if (query.accountId() != null) {
                q.where("d.id in (select l.documentId from DocumentLink l where l.recordType = ? and l.recordId = ?)",
                        RecordType.ACCOUNT, query.accountId());
            }
            return q.page(work.em(), scope, "d.createdAt desc, d.id", page).map(d -> view(work, d));
        });
    }

    public List<DocumentView> versions(UUID id) {
        return tx.read(work -> {
            List<DocumentView> chain = new ArrayList<>();
            Document d = load(work, id, Action.READ);
            while (d != null && chain.size() < 100) {
                chain.add(view(work, d));
                d = d.getPreviousVersionId() == null ? null : work.em().find(Document.class, d.getPreviousVersionId());
            }
            return chain;
        });
    }

    public DocumentView delete(UUID id) {
        return tx.write(work -> {
            Document d = load(work, id, Action.DELETE);
            if (d.getDeletedAt() == null) {
                d.setDeletedAt(work.now());
                work.audit("DELETE", RecordType.DOCUMENT, id, d.getName());
                work.publish(new DocumentEvents.DocumentDeleted(work.tenantId(), work.now(), work.username(), id));
            }
            return view(work, work.flushed(d));
        });
    }

    public DocumentView restore(UUID id) {
        return tx.write(work -> {
            Document d = load(work, id, Action.UPDATE);
            if (d.getDeletedAt() != null) {
                d.setDeletedAt(null);
                work.audit("RESTORE", RecordType.DOCUMENT, id, d.getName());
            }
            return view(work, work.flushed(d));
        });
    }

    private DocumentView store(String fileName, DocumentCategory category, List<RecordRef> links, InputStream content,
            String customerTenant, DocumentView previous) {
        String name = FileNames.safe(fileName);
        boolean fromCustomer = customerTenant != null;
        String tenant = inUnit(customerTenant, false, work -> {
            work.require(Action.CREATE, RecordType.DOCUMENT);
            links.forEach(l -> Records.accountOf(work, l.type(), l.id()));
            return work.tenantId();
        });
        StoredContent stored;
        String mediaType;
        try {
            byte[] head = content.readNBytes(SNIFF_BYTES);
            if (head.length == 0) {
                throw new DocumentRejectedException("document.empty");
            }
            mediaType = TIKA.detect(head, name).toLowerCase(Locale.ROOT);
            if (!policy.allows(mediaType)) {
                throw new DocumentRejectedException("document.type-not-allowed", mediaType);
            }
            stored = store.put(tenant, new SequenceInputStream(new ByteArrayInputStream(head), content), policy.maxBytes());
        } catch (DocumentStore.ContentTooLargeException e) {
            throw new DocumentRejectedException("document.too-large", policy.maxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("upload interrupted", e);
        }
        try {
            return inUnit(customerTenant, true, work -> {
                Document d = newDocument(work, name, category, links, fromCustomer);
                d.setMediaType(mediaType);
                d.setSizeBytes(stored.size());
                d.setSha256(stored.sha256());
                d.setStorageKey(stored.key());
                if (previous != null) {
                    d.setVersionNo(previous.versionNo() + 1);
                    d.setPreviousVersionId(previous.id());
                }
                return persist(work, d, links);
            });
        } catch (RuntimeException e) {
            removeIfUnused(tenant, stored.key());
            throw e;
        }
    }

    private <T> T inUnit(String systemTenant, boolean write, java.util.function.Function<UnitOfWork, T> work) {
        if (systemTenant != null) {
            return tx.asSystem(systemTenant, work);
        }
        return write ? tx.write(work) : tx.read(work);
    }

    private void removeIfUnused(String tenant, String key) {
        try {
            long users = tx.asSystem(tenant, work -> work.em()
                    .createQuery("select count(d) from Document d where d.storageKey = :key", Long.class)
                    .setParameter("key", key).getSingleResult());
            if (users == 0) {
                store.delete(tenant, key);
            }
        } catch (IOException | RuntimeException cleanupFailed) {
            // The original failure matters more; unused content is harmless and content-addressed.
        }
    }

    private static Document newDocument(UnitOfWork work, String name, DocumentCategory category, List<RecordRef> links, boolean fromCustomer) {
        if (links.isEmpty()) {
            throw ValidationException.of("links", "document.links.empty");
        }
        Document d = new Document();
        d.setName(name);
        d.setCategory(category == null ? DocumentCategory.OTHER : category);
        d.setVersionNo(1);
        d.setProvidedByCustomer(fromCustomer);
        UUID account = Records.accountOf(work, links.get(0).type(), links.get(0).id());
        d.setOwnerId(work.actor().system() ? Records.ownerOfAccount(work, account) : work.actor().userId());
        return d;
    }

    private static DocumentView persist(UnitOfWork work, Document d, List<RecordRef> links) {
        work.em().persist(d);
        for (RecordRef ref : links) {
            DocumentLink link = new DocumentLink();
            link.setDocumentId(d.getId());
            link.setRecordType(ref.type());
            link.setRecordId(ref.id());
            work.em().persist(link);
        }
        work.audit("CREATE", RecordType.DOCUMENT, d.getId(), d.getName());
        work.publish(new DocumentEvents.DocumentAdded(work.tenantId(), work.now(), work.username(), d.getId(), d.isProvidedByCustomer()));
        return DocumentView.of(d, links);
    }

    private static Document load(UnitOfWork work, UUID id, Action action) {
        return work.load(Document.class, RecordType.DOCUMENT, id, action, Document::getOwnerId);
    }

    private static DocumentView view(UnitOfWork work, Document d) {
        List<RecordRef> links = work.em().createQuery("select l from DocumentLink l where l.documentId = :d", DocumentLink.class)
                .setParameter("d", d.getId()).getResultStream()
                .map(l -> new RecordRef(l.getRecordType(), l.getRecordId())).toList();
        return DocumentView.of(d, links);
    }

    private static URI externalUri(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw ValidationException.of("url", "document.url.invalid");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ValidationException.of("url", "document.url.invalid");
        }
    }
}
