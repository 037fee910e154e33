package dev.cartera.docsstorage;

import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.tenant.TenantIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Documents in an S3-compatible bucket, {@code <prefix><tenant>/<sha256>}. The upload is staged to a
 * temporary file first (checksum and size known before the PUT, memory flat), and skipped when the
 * same content is already there. Build the client with {@link S3Clients#forEndpoint} for MinIO-style
 * servers (path-style access, checksums only when required).
 */
public final class S3DocumentStore implements DocumentStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path staging;

    public S3DocumentStore(S3Client s3, String bucket, String prefix, Path staging) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.staging = staging;
    }

    @Override
    public StoredContent put(String tenantId, InputStream content, long maxBytes) throws IOException {
        String tenant = TenantIds.requireValid(tenantId);
        try (StagedContent staged = StagedContent.stage(content, maxBytes, staging)) {
            String objectKey = objectKey(tenant, staged.sha256);
            if (!exists(tenant, staged.sha256)) {
                s3.putObject(PutObjectRequest.builder()
                                .bucket(bucket)
                                .key(objectKey)
                                .contentLength(staged.size)
                                .contentType("application/octet-stream")
                                .metadata(java.util.Map.of("sha256", staged.sha256))
                                .build(),
                        RequestBody.fromFile(staged.file));
            }
            return new StoredContent(staged.sha256, staged.sha256, staged.size);
        } catch (S3Exception e) {
            throw new IOException("S3 refused the upload: " + e.awsErrorDetails().errorCode(), e);
        }
    }

    @Override
    public InputStream open(String tenantId, String key) throws IOException {
        String objectKey = objectKey(TenantIds.requireValid(tenantId), key);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(objectKey));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            throw new IOException("S3 refused the download: " + e.awsErrorDetails().errorCode(), e);
        }
    }

    @Override
    public boolean exists(String tenantId, String key) throws IOException {
        String objectKey = objectKey(TenantIds.requireValid(tenantId), key);
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(objectKey).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 refused the lookup: " + e.statusCode(), e);
        }
    }

    @Override
    public void delete(String tenantId, String key) throws IOException {
        String objectKey = objectKey(TenantIds.requireValid(tenantId), key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
        } catch (S3Exception e) {
            throw new IOException("S3 refused the delete: " + e.statusCode(), e);
        }
    }

    private String objectKey(String tenant, String key) {
        return prefix + tenant + "/" + DocumentStore.requireKey(key);
    }
}
