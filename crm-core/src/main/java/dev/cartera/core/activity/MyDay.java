package dev.cartera.core.activity;

import java.util.List;

/** A user's day (one-handed on a phone): what is late, what is due today, what comes in the next days. */
public record MyDay(List<ActivityView> overdue, List<ActivityView> today, List<ActivityView> upcoming) {
}
