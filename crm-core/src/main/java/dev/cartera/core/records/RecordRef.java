package dev.cartera.core.records;

import dev.cartera.core.common.RecordType;
import java.util.UUID;

/** A record a document is linked to. */
public record RecordRef(RecordType type, UUID id) {
}
