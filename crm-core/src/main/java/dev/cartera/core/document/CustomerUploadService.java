package dev.cartera.core.document;

import dev.cartera.core.access.Action;
import dev.cartera.core.account.Account;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.alert.AlertDraft;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.SecretTokens;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents provided by customers (KD-7): a rep creates an expiring link for one customer; whoever
 * holds it can upload files to that customer's card — nothing else — and the owner gets an alert.
 */
public final class CustomerUploadService {
    static final Duration MAX_VALIDITY = Duration.ofDays(30);
    static final int DEFAULT_MAX_UPLOADS = 20;

    private final Transactions tx;
    private final DocumentService documents;

    public CustomerUploadService(Transactions tx, DocumentService documents) {
        this.tx = tx;
        this.documents = documents;
    }

    public UploadLinkView createLink(UUID accountId, Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw ValidationException.of("validity", "upload-link.validity.range");
        }
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.DOCUMENT);
            AccountService.load(work, accountId, Action.UPDATE);
            String token = SecretTokens.newToken(work.tenantId());
            UploadLink link = new UploadLink();
            link.setAccountId(accountId);
            link.setTokenHash(SecretTokens.hash(token));
            link.setExpiresAt(work.now().plus(validity));
            link.setMaxUploads(DEFAULT_MAX_UPLOADS);
            link.setCreatedFor(work.actor().userId());
            work.em().persist(link);
            work.audit("UPLOAD_LINK", RecordType.ACCOUNT, accountId, "expires " + link.getExpiresAt());
            return UploadLinkView.of(link, token);
        });
    }

    public List<UploadLinkView> linksOf(UUID accountId) {
        return tx.read(work -> {
            AccountService.load(work, accountId, Action.READ);
            return work.em().createQuery("select l from UploadLink l where l.accountId = :a order by l.createdAt desc", UploadLink.class)
                    .setParameter("a", accountId).getResultStream().map(l -> UploadLinkView.of(l, null)).toList();
        });
    }

    public UploadLinkView revoke(UUID linkId) {
        return tx.write(work -> {
            UploadLink link = work.em().find(UploadLink.class, linkId);
            if (link == null) {
                throw new NotFoundException(RecordType.DOCUMENT, linkId);
            }
            AccountService.load(work, link.getAccountId(), Action.UPDATE);
            if (link.getRevokedAt() == null) {
                link.setRevokedAt(work.now());
                work.audit("UPLOAD_LINK_REVOKED", RecordType.ACCOUNT, link.getAccountId(), null);
            }
            return UploadLinkView.of(work.flushed(link), null);
        });
    }

    /** For the public page: the link if it is usable, else empty (unknown, tampered, expired, revoked or used up). */
    public Optional<CustomerUpload> open(String token) {
        return SecretTokens.tenantOf(token).flatMap(tenant -> tx.asSystem(tenant, work -> usable(work, token).map(link -> {
            Account account = work.em().find(Account.class, link.getAccountId());
            return new CustomerUpload(tenant, account.getName(), link.getExpiresAt(), link.getMaxUploads() - link.getUploadCount());
        })));
    }

    /** Stores a customer's file on their card and alerts the owner; refuses an unusable link as not found. */
    public DocumentView upload(String token, String fileName, InputStream content) {
        String tenant = SecretTokens.tenantOf(token).orElseThrow(() -> new NotFoundException(RecordType.DOCUMENT, null));
        UUID accountId = tx.asSystem(tenant, work -> usable(work, token)
                .orElseThrow(() -> new NotFoundException(RecordType.DOCUMENT, null)).getAccountId());
        DocumentView stored = documents.uploadFromCustomer(tenant, fileName, accountId, content);
        tx.asSystem(tenant, work -> {
            UploadLink link = usable(work, token).orElseThrow(() -> new NotFoundException(RecordType.DOCUMENT, null));
            link.setUploadCount(link.getUploadCount() + 1);
            Account account = work.em().find(Account.class, accountId);
            if (account.getOwnerId() != null) {
                AlertService.raise(work, new AlertDraft(AlertKind.DOCUMENT_UPLOADED, null, account.getOwnerId(), RecordType.DOCUMENT,
                        stored.id(), accountId, "alert.DOCUMENT_UPLOADED", List.of(account.getName(), stored.name()), null));
            }
            return link;
        });
        return stored;
    }

    private static Optional<UploadLink> usable(UnitOfWork work, String token) {
        return work.em().createQuery("select l from UploadLink l where l.tokenHash = :h", UploadLink.class)
                .setParameter("h", SecretTokens.hash(token)).getResultStream()
                .filter(l -> l.getRevokedAt() == null && l.getExpiresAt().isAfter(work.now()) && l.getUploadCount() < l.getMaxUploads())
                .findFirst();
    }
}
