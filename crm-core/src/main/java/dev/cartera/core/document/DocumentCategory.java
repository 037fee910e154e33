package dev.cartera.core.document;

public enum DocumentCategory {
    OFFER, CONTRACT, INVOICE, ID_DOCUMENT, OTHER
}
