package dev.cartera.spring.reporting;

import dev.cartera.reporting.ReportTable;
import dev.cartera.reporting.export.ExportFormat;
import dev.cartera.reporting.export.ReportExporter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report as a file to save: attachment, exact media type, no sniffing. CSV uses {@code ;} as Spanish Excel expects. */
public final class ReportDownloads {
    private ReportDownloads() {
    }

    /** Whether the role may export reports at all (the rows exported are always the caller's scope). */
    public static boolean mayExport(dev.cartera.core.access.AccessPolicy policy, dev.cartera.core.access.Role role) {
        return policy.scope(role, dev.cartera.core.access.Action.EXPORT, dev.cartera.core.common.RecordType.REPORT)
                != dev.cartera.core.access.Scope.NONE;
    }

    public static void requireExport(dev.cartera.core.access.AccessPolicy policy, dev.cartera.core.access.Role role) {
        if (!mayExport(policy, role)) {
            throw new dev.cartera.core.access.AccessDeniedException(dev.cartera.core.access.Action.EXPORT,
                    dev.cartera.core.common.RecordType.REPORT);
        }
    }

    public static ExportFormat format(String value) {
        return StandardReportCatalog.option(ExportFormat.class, value, "format");
    }

    public static ResponseEntity<byte[]> download(ReportTable table, ExportFormat format, String name, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportExporter(zone, ';').write(table, format, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName(name) + "." + format.extension()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(out.toByteArray());
    }

    /** A plain, portable file name from a report name. */
    public static String fileName(String name) {
        String n = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return n.isEmpty() ? "informe" : n.length() > 60 ? n.substring(0, 60) : n;
    }
}
