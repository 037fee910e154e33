package dev.cartera.core.imports;

/** Where an import run stands. A RUNNING run nobody is working on (the node died) can be resumed. */
public enum ImportStatus {
    PREVIEW, QUEUED, RUNNING, CANCELLED, COMPLETED, FAILED, ROLLED_BACK;

    public boolean resumable() {
        return this == QUEUED || this == RUNNING || this == CANCELLED || this == FAILED;
    }
}
