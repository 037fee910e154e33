package dev.cartera.reporting.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

/** The zone the monthly summaries are cut in, and their rebuild in another one (PostgreSQL only). */
public final class SummaryZone {
    private SummaryZone() {
    }

    public static boolean postgres(Connection connection) {
        try {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product: " + e.getMessage(), e);
        }
    }

    /** True when the summaries exist and are cut in {@code zone}. */
    public static boolean matches(Connection connection, ZoneId zone) {
        return cutIn(connection, zone, "crm_report_summary_zone");
    }

    /** True when the funnel and stage-duration summaries (migration V14) exist and are cut in {@code zone}. */
    public static boolean stageMatches(Connection connection, ZoneId zone) {
        return cutIn(connection, zone, "crm_stage_summary_zone");
    }

    private static boolean cutIn(Connection connection, ZoneId zone, String zoneTable) {
        return postgres(connection) && zone.getId().equals(stored(connection, zoneTable));
    }

    public static String stored(Connection connection) {
        return stored(connection, "crm_report_summary_zone");
    }

    /** The zone stored in one of the two whitelisted zone tables. */
    private static String stored(Connection connection, String table) {
        try (PreparedStatement s = connection.prepareStatement("select zone from " + table + " where id = 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the report summary zone: " + e.getMessage(), e);
        }
    }

    /**
     * Cuts the summaries again in {@code zone} from the base tables (migration V12's function, then
     * V14's {@code crm_rebuild_stage_summaries} for the funnel and stage durations), and
     * returns whether it did: false on a database without summaries or for a zone PostgreSQL does not
     * name the same way (a fixed offset such as {@code +01:00} reads with the opposite sign there), for
     * which the reports keep reading the base tables.
     */
    public static boolean rebuild(Connection connection, ZoneId zone) {
        if (!postgres(connection) || zone instanceof java.time.ZoneOffset) {
            return false;
        }
        try (PreparedStatement known = connection.prepareStatement("select count(*) from pg_timezone_names where name = ?")) {
            known.setString(1, zone.getId());
            try (ResultSet rs = known.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return false;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the zone: " + e.getMessage(), e);
        }
        rebuildWith(connection, "select crm_rebuild_report_summaries(?)", zone.getId());
        rebuildWith(connection, "select crm_rebuild_stage_summaries(?)", zone.getId());
        return true;
    }

    /** Derives the all-deals summary of migration V15 from the deals again (no zone in it); nothing off PostgreSQL. */
    public static boolean rebuildDealSummary(Connection connection) {
        if (!postgres(connection)) {
            return false;
        }
        rebuildWith(connection, "select crm_rebuild_deal_summaries()");
        return true;
    }

    private static void rebuildWith(Connection connection, String call, String... parameters) {
        try (PreparedStatement s = connection.prepareStatement(call)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("report summary rebuild failed (" + call + "): " + e.getMessage(), e);
        }
    }
}
