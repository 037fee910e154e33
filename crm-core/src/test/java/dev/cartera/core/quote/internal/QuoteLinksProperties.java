package dev.cartera.core.quote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The customer link's signature: what Cartera issued verifies as issued; any other string does not. */
class QuoteLinksProperties {
    private static final QuoteLinks LINKS = new QuoteLinks("cartera-test-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    @Provide
    Arbitrary<String> tenant() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_").ofMinLength(1).ofMaxLength(64)
                .filter(t -> Character.isLetterOrDigit(t.charAt(0)));
    }

    @Property(tries = 200)
    void anIssuedTokenCarriesItsTenantQuoteAndExpiry(@ForAll("tenant") String tenant, @ForAll long seconds) {
        UUID quote = UUID.randomUUID();
        Instant expiry = Instant.ofEpochSecond(Math.floorMod(seconds, 4_000_000_000L));
        assertThat(LINKS.verify(LINKS.issue(tenant, quote, expiry))).hasValue(new QuoteLinks.Claims(tenant, quote, expiry));
    }

    @Property(tries = 300)
    void changingAnyCharacterOfATokenInvalidatesIt(@ForAll("tenant") String tenant, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll @IntRange(min = 1, max = 64) int shift) {
        String token = LINKS.issue(tenant, UUID.randomUUID(), Instant.parse("2030-01-01T00:00:00Z"));
        int i = where % token.length();
        char replacement = ALPHABET.charAt((ALPHABET.indexOf(token.charAt(i)) + shift) % ALPHABET.length());
        String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
        assertThat(LINKS.verify(tampered)).isEmpty();
    }

    @Property(tries = 100)
    void anotherInstallationsSecretNeverVerifies(@ForAll("tenant") String tenant) {
        QuoteLinks other = new QuoteLinks("another-installation-secret-32-bytes!".getBytes(StandardCharsets.UTF_8));
        assertThat(LINKS.verify(other.issue(tenant, UUID.randomUUID(), Instant.parse("2030-01-01T00:00:00Z")))).isEmpty();
    }
}
