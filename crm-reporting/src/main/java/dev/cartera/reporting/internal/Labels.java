package dev.cartera.reporting.internal;

import dev.cartera.reporting.Dimension;
import java.util.HashMap;
import java.util.Map;

/** Display names of dimension keys (user, team, office, stage, product ids), read within the tenant. */
public final class Labels {
    public static final String NONE = "—";

    private Labels() {
    }

    public static Map<String, String> of(ReportContext ctx, Dimension dimension) {
        String table = switch (dimension) {
            case USER -> "select id, display_name from crm_user where tenant_id = ?";
            case TEAM -> "select id, name from crm_team where tenant_id = ?";
            case OFFICE -> "select id, name from crm_office where tenant_id = ?";
            case STAGE -> "select id, name from crm_stage where tenant_id = ?";
            case PRODUCT -> "select id, name from crm_product where tenant_id = ?";
            default -> null;
        };
        Map<String, String> labels = new HashMap<>();
        if (table != null) {
            ctx.query(new Sql().add(table, ctx.tenant()), rs -> labels.put(Sql.Rows.text(rs, 1), rs.getString(2)));
        }
        return labels;
    }

    public static String label(Map<String, String> labels, Dimension dimension, String key) {
        if (key == null) {
            return NONE;
        }
        if (dimension == Dimension.NONE) {
            return "Total";
        }
        return labels.getOrDefault(key, key);
    }
}
