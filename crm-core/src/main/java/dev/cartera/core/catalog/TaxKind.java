package dev.cartera.core.catalog;

public enum TaxKind {
    IVA, IGIC, RECARGO_EQUIVALENCIA, EXEMPT
}
