package dev.cartera.spring.ui;

import dev.cartera.core.alert.AlertService;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.common.RecordType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Turns the caller's alerts into what the bell, toasts and badges show. Lists read the caller's active
 * alerts once per page ({@link #badges}) and pick each row's from memory, so a page costs one query,
 * not one per row.
 */
public final class AlertItems {
    private static final int SHOWN_ARGUMENTS = 3;

    private final AlertService alerts;
    private final CarteraMessages messages;
    private final String base;

    AlertItems(AlertService alerts, CarteraMessages messages, String base) {
        this.alerts = alerts;
        this.messages = messages;
        this.base = base;
    }

    List<AlertItem> mine() {
        return alerts.mine().stream().map(this::item).toList();
    }

    List<AlertItem> of(Collection<AlertView> views) {
        return views.stream().map(this::item).toList();
    }

    /** The caller's active alerts by the customer and by the record they are about, from one query. */
    Badges badges() {
        Map<UUID, List<AlertItem>> byId = new LinkedHashMap<>();
        for (AlertView alert : alerts.mine()) {
            AlertItem item = item(alert);
            if (alert.accountId() != null) {
                byId.computeIfAbsent(alert.accountId(), k -> new ArrayList<>()).add(item);
            }
            if (alert.recordId() != null && !alert.recordId().equals(alert.accountId())) {
                byId.computeIfAbsent(alert.recordId(), k -> new ArrayList<>()).add(item);
            }
        }
        return new Badges(byId);
    }

    AlertItem item(AlertView alert) {
        String key = "cartera." + alert.messageKey();
        if (!messages.has(key)) {
            key = "cartera.alert." + alert.kind().name();
        }
        Object[] args = new Object[Math.max(SHOWN_ARGUMENTS, alert.messageArgs().size())];
        for (int i = 0; i < args.length; i++) {
            args[i] = i < alert.messageArgs().size() && alert.messageArgs().get(i) != null ? alert.messageArgs().get(i) : "";
        }
        return new AlertItem(alert, messages.get(key, LocaleContextHolder.getLocale(), args).strip(), href(alert));
    }

    private String href(AlertView alert) {
        if (alert.accountId() != null) {
            return base + "/accounts/" + alert.accountId();
        }
        if (alert.recordType() == RecordType.LEAD && alert.recordId() != null) {
            return base + "/leads/" + alert.recordId();
        }
        if (alert.recordType() == RecordType.ACTIVITY) {
            return base + "/my-day";
        }
        return null;
    }

    /** Active alerts per customer or record id, for the icons on list rows. */
    public record Badges(Map<UUID, List<AlertItem>> byId) {
        /** Badges by the record each alert is about (a task row on the card). */
        static Badges byRecord(List<AlertItem> items) {
            Map<UUID, List<AlertItem>> byId = new LinkedHashMap<>();
            items.stream().filter(i -> i.alert().recordId() != null)
                    .forEach(i -> byId.computeIfAbsent(i.alert().recordId(), k -> new ArrayList<>()).add(i));
            return new Badges(byId);
        }

        public List<AlertItem> of(UUID id) {
            return id == null ? List.of() : byId.getOrDefault(id, List.of());
        }
    }
}
