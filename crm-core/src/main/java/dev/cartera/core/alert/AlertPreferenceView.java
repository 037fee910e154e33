package dev.cartera.core.alert;

/** One kind of alert as a user wants it: shown in the app (bell, toasts, badges) and/or sent by e-mail. */
public record AlertPreferenceView(AlertKind kind, String icon, boolean inApp, boolean email) {
}
