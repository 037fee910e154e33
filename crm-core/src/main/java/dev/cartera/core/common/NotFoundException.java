package dev.cartera.core.common;

import java.util.UUID;

/** The record does not exist for this caller: absent, in another tenant, or outside the caller's scope. */
public final class NotFoundException extends CrmException {
    private final RecordType recordType;
    private final UUID id;

    public NotFoundException(RecordType recordType, UUID id) {
        super("record.not-found", recordType, id);
        this.recordType = recordType;
        this.id = id;
    }

    public RecordType recordType() {
        return recordType;
    }

    public UUID id() {
        return id;
    }
}
