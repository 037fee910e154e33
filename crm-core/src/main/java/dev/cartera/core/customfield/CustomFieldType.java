package dev.cartera.core.customfield;

public enum CustomFieldType {
    TEXT, NUMBER, DATE, BOOLEAN, CHOICE
}
