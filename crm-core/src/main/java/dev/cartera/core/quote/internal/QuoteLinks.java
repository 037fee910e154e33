package dev.cartera.core.quote.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The customer's link to a quote: {@code base64url(v1|tenant|quote id|expiry|nonce).base64url(HMAC-SHA256)}
 * under a per-installation secret. The signature proves Cartera issued it for that tenant, quote
 * and expiry; the database keeps only its SHA-256, so a leaked table yields no working link and a
 * re-sent quote revokes the previous link. All comparisons are constant-time.
 */
public final class QuoteLinks {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public QuoteLinks(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the quote link secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    public String issue(String tenantId, UUID quoteId, Instant expiresAt) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload = "v1|" + tenantId + "|" + quoteId + "|" + expiresAt.getEpochSecond() + "|" + HexFormat.of().formatHex(nonce);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The claims of a well-formed token carrying Cartera's signature; empty for anything else. Expiry is the caller's check. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = B64D.decode(token.substring(0, dot));
            byte[] signature = B64D.decode(token.substring(dot + 1));
            // Only the canonical spelling counts: a variant differing in unused trailing bits is another token.
            boolean canonical = B64.encodeToString(payload).equals(token.substring(0, dot))
                    & B64.encodeToString(signature).equals(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature) || !canonical) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[1], UUID.fromString(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static boolean sameHash(String stored, String presented) {
        return stored != null && presented != null
                && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public record Claims(String tenantId, UUID quoteId, Instant expiresAt) {
    }
}
