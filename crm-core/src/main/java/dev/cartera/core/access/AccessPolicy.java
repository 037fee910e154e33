package dev.cartera.core.access;

import dev.cartera.core.common.RecordType;

/** Permission (action × record type) and its scope, per role. A host or admin may supply its own. */
@FunctionalInterface
public interface AccessPolicy {
    Scope scope(Role role, Action action, RecordType recordType);
}
