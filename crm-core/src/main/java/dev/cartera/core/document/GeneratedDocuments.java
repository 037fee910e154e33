package dev.cartera.core.document;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.spi.DocumentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Files Cartera produces itself (quote PDFs, later contracts): the content goes to the
 * {@link DocumentStore}, the metadata to a {@link Document} linked to the records it belongs to
 * . Callers have already checked the caller may act on those records.
 */
public final class GeneratedDocuments {
    private GeneratedDocuments() {
    }

    public static AttachedDocument attach(UnitOfWork work, DocumentStore store, String name, String mediaType, byte[] content,
            DocumentCategory category, UUID ownerId, Map<RecordType, UUID> linkedTo) {
        DocumentStore.StoredContent stored;
        try {
            stored = store.put(work.tenantId(), new ByteArrayInputStream(content), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("generated document could not be stored", e);
        }
        Document document = new Document();
        document.setName(name);
        document.setMediaType(mediaType);
        document.setSizeBytes(stored.size());
        document.setSha256(stored.sha256());
        document.setStorageKey(stored.key());
        document.setCategory(category);
        document.setVersionNo(1);
        document.setOwnerId(ownerId);
        work.em().persist(document);
        linkedTo.forEach((type, id) -> {
            if (id != null) {
                DocumentLink link = new DocumentLink();
                link.setDocumentId(document.getId());
                link.setRecordType(type);
                link.setRecordId(id);
                work.em().persist(link);
            }
        });
        work.audit("DOCUMENT", RecordType.DOCUMENT, document.getId(), name);
        return AttachedDocument.of(document);
    }

    /** The documents linked to a record, newest first, leaving deleted ones out. */
    public static List<AttachedDocument> linkedTo(UnitOfWork work, RecordType type, UUID recordId) {
        return work.em().createQuery("select d from Document d where d.deletedAt is null and d.id in"
                        + " (select l.documentId from DocumentLink l where l.recordType = :type and l.recordId = :id)"
                        + " order by d.createdAt desc, d.id desc", Document.class)
                .setParameter("type", type).setParameter("id", recordId)
                .getResultStream().map(AttachedDocument::of).toList();
    }

    /** A document's content, if the store still has it. */
    public static Optional<byte[]> content(UnitOfWork work, DocumentStore store, UUID documentId) {
        Document document = documentId == null ? null : work.em().find(Document.class, documentId);
        if (document == null || document.getStorageKey() == null) {
            return Optional.empty();
        }
        try (InputStream in = store.open(document.getTenantId(), document.getStorageKey())) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("document content unavailable", e);
        }
    }
}
