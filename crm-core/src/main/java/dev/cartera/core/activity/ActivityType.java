package dev.cartera.core.activity;

public enum ActivityType {
    CALL, MEETING, EMAIL, VISIT, NOTE, TODO
}
