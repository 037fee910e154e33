package dev.cartera.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bearer tokens for links that work without a login (customer upload links, calendar feeds):
 * {@code <tenant>.<256 random bits>}. Only the SHA-256 of a token is stored, so a leaked database
 * does not leak working links; the tenant prefix tells which tenant to look the hash up in.
 */
public final class SecretTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("([a-z0-9][a-z0-9_-]{0,63})\\.([A-Za-z0-9_-]{43})");

    private SecretTokens() {
    }

    public static String newToken(String tenantId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return tenantId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The tenant a well-formed token names; empty for anything else. */
    public static Optional<String> tenantOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(token);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
