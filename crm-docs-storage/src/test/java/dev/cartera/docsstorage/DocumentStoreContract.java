package dev.cartera.docsstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.spi.DocumentStore.ContentTooLargeException;
import dev.cartera.core.spi.DocumentStore.StoredContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every DocumentStore must do; each implementation runs it against a real backend. */
abstract class DocumentStoreContract {

    protected abstract DocumentStore store();

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storesContentUnderItsSha256AndReadsItBack() throws Exception {
        StoredContent stored = store().put("acme", bytes("presupuesto 2026"), 1_000);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("presupuesto 2026".getBytes(StandardCharsets.UTF_8)));

        assertThat(stored.key()).isEqualTo(expected);
        assertThat(stored.sha256()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(16);
        assertThat(store().exists("acme", stored.key())).isTrue();
        assertThat(read(store().open("acme", stored.key()))).isEqualTo("presupuesto 2026");
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        StoredContent first = store().put("acme", bytes("contrato"), 1_000);
        StoredContent second = store().put("acme", bytes("contrato"), 1_000);
        assertThat(second).isEqualTo(first);
        assertThat(read(store().open("acme", second.key()))).isEqualTo("contrato");
    }

    @Test
    void concurrentUploadsOfTheSameContentAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<StoredContent> upload = () -> store().put("acme", bytes("factura 17"), 1_000);
            List<Future<StoredContent>> results = pool.invokeAll(List.of(upload, upload, upload, upload));
            StoredContent first = results.get(0).get();
            for (Future<StoredContent> r : results) {
                assertThat(r.get()).isEqualTo(first);
            }
            assertThat(read(store().open("acme", first.key()))).isEqualTo("factura 17");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tooLargeContentIsRefusedAndLeavesNothing() throws Exception {
        byte[] big = new byte[2_048];
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(big));
        assertThatThrownBy(() -> store().put("acme", new ByteArrayInputStream(big), 1_024))
                .isInstanceOfSatisfying(ContentTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(1_024));
        assertThat(store().exists("acme", key)).isFalse();
    }

    @Test
    void largeContentIsStreamedNotBuffered() throws Exception {
        long size = 24L * 1024 * 1024;
        InputStream generated = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (int) (left % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (--left % 251);
                }
                return n;
            }
        };
        StoredContent stored = store().put("acme", generated, size);
        assertThat(stored.size()).isEqualTo(size);
        try (InputStream in = store().open("acme", stored.key())) {
            assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(size);
        }
    }

    @Test
    void aTenantCannotReachAnotherTenantsContent() throws Exception {
        StoredContent stored = store().put("acme", bytes("DNI escaneado"), 1_000);
        assertThat(store().exists("otra", stored.key())).isFalse();
        assertThatThrownBy(() -> store().open("otra", stored.key())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void keysAndTenantsThatAreNotWellFormedAreRefused() {
        assertThatThrownBy(() -> store().open("acme", "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().open("acme", "ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put("../x", bytes("x"), 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void deletedContentIsGone() throws Exception {
        StoredContent stored = store().put("acme", bytes("borrador"), 1_000);
        store().delete("acme", stored.key());
        assertThat(store().exists("acme", stored.key())).isFalse();
        assertThatThrownBy(() -> store().open("acme", stored.key())).isInstanceOf(NoSuchFileException.class);
        store().delete("acme", stored.key());
    }
}
