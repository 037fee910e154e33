package dev.cartera.spring.ui;

import dev.cartera.core.alert.AlertView;
import java.util.Locale;

/** An alert as the UI shows it: its icon and severity colour, the translated text, and where it leads. */
public record AlertItem(AlertView alert, String text, String href) {

    public String iconClass() {
        return "bi-" + alert.icon();
    }

    public String severityClass() {
        return "severity-" + alert.severity().name().toLowerCase(Locale.ROOT);
    }
}
