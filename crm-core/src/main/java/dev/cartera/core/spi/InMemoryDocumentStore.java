package dev.cartera.core.spi;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps document contents in this JVM: for tests and trials only, as contents vanish on restart. */
public final class InMemoryDocumentStore implements DocumentStore {
    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    @Override
    public String put(byte[] content, String mediaType) {
        String key = "mem/" + UUID.randomUUID();
        contents.put(key, content.clone());
        return key;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(contents.get(key)).map(byte[]::clone);
    }
}
