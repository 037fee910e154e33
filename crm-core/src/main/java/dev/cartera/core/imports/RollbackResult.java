package dev.cartera.core.imports;

/**
 * What rolling a run back did: leads it had created and nobody has worked since are deleted; the others
 * (worked: status changed, activities logged, converted) are kept, as are leads it updated.
 */
public record RollbackResult(ImportRunView run, long deleted, long kept) {
}
