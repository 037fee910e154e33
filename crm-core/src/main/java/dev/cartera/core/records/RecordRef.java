package dev.cartera.core.document;

import dev.cartera.core.common.RecordType;
import java.util.UUID;

/** A record a document is linked to. */
public record RecordRef(RecordType type, UUID id) {
}
