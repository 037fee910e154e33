package dev.cartera.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Everything a host sets under {@code cartera.*}. */
@ConfigurationProperties("cartera")
public record CarteraProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Tenant tenant,
        @DefaultValue Web web,
        @DefaultValue Api api,
        @DefaultValue Schema schema,
        @DefaultValue Documents documents,
        @DefaultValue("Europe/Madrid") String zone,
        @DefaultValue Scheduling scheduling,
        @DefaultValue("WARN") dev.cartera.core.dedupe.DuplicateCheck duplicateCheck,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue Quotes quotes,
        @DefaultValue Mail mail) {

    /** {@code cartera.tenant.default-id}: the tenant of a single-firm host that supplies no TenantResolver. */
    public record Tenant(@DefaultValue("default") String defaultId) {
    }

    /** {@code cartera.web.*}: the web UI. */
    public record Web(@DefaultValue("true") boolean enabled, @DefaultValue("/crm") String basePath,
            @DefaultValue("Cartera") String productName) {
    }

    /** {@code cartera.api.*}: the REST API. */
    public record Api(@DefaultValue("true") boolean enabled, @DefaultValue("/crm/api/v1") String basePath) {
    }

    /** {@code cartera.schema.migrate}: run Cartera's own Flyway migrations at start-up. */
    public record Schema(@DefaultValue("true") boolean migrate) {
    }

    /**
     * {@code cartera.documents.*}: where uploads live — {@code filesystem} under {@code path}, or an
     * S3-compatible bucket — and how large they may be.
     */
    public record Documents(@DefaultValue("filesystem") String storage, @DefaultValue("./data/documents") String path,
            @DefaultValue("20MB") org.springframework.util.unit.DataSize maxSize, @DefaultValue S3 s3) {
    }

    /** {@code cartera.documents.s3.*}: an S3-compatible bucket (path-style access, as MinIO and friends need). */
    public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
            String secretKey, @DefaultValue("cartera/") String prefix) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix + "]";
        }
    }

    /** {@code cartera.scheduling.*}: Cartera's periodic jobs (overdue alerts…), cluster-safe through ShedLock. */
    public record Scheduling(@DefaultValue("true") boolean enabled, @DefaultValue("PT5M") java.time.Duration alertsEvery) {
    }

    /**
     * {@code cartera.quotes.*}: {@code link-secret} signs the links customers get to their quotes (at
     * least 32 bytes, the same on every node); without it links stop working after a restart.
     */
    public record Quotes(String linkSecret) {

        @Override
        public String toString() {
            return "Quotes[linkSecret=" + (linkSecret == null ? "none" : "***") + "]";
        }
    }

    /** {@code cartera.mail.from}: the sender of Cartera's e-mails when they go out through Spring's mail support. */
    public record Mail(String from) {
    }
}
