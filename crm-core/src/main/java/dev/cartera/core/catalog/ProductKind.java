package dev.cartera.core.catalog;

public enum ProductKind {
    PRODUCT, SERVICE
}
