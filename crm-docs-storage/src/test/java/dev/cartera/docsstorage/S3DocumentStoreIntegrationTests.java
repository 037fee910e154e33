package dev.cartera.docsstorage;

import dev.cartera.core.spi.DocumentStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against a real S3 protocol server (S3Proxy, in-process, on 127.0.0.1). */
class S3DocumentStoreIntegrationTests extends DocumentStoreContract {
    private static S3Proxy proxy;
    private static BlobStoreContext blobs;
    private static S3Client client;
    private static DocumentStore store;

    @TempDir
    static Path staging;

    @BeforeAll
    static void startServer() throws Exception {
        Properties overrides = new Properties();
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential").overrides(overrides)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "cartera", "cartera-secret")
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        client = S3Clients.forEndpoint(URI.create("http://127.0.0.1:" + proxy.getPort()), "us-east-1", "cartera", "cartera-secret");
        client.createBucket(b -> b.bucket("cartera-docs"));
        store = new S3DocumentStore(client, "cartera-docs", "docs/", staging);
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
        proxy.stop();
        blobs.close();
    }

    @Override
    protected DocumentStore store() {
        return store;
    }
}
