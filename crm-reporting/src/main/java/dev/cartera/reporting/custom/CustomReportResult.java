package dev.cartera.reporting.custom;

import dev.cartera.reporting.ReportTable;
import java.util.List;
import java.util.UUID;

/**
 * A custom report's rows. Without groupings each row is one record, whose id is in {@code recordIds}
 * at the same index (what bulk task creation works on).
 */
public record CustomReportResult(ReportDefinition definition, ReportTable table, List<UUID> recordIds, boolean truncated) {
}
