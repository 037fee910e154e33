package dev.cartera.spring.api.support;

import dev.cartera.core.common.ConflictException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The record's version is its entity-tag: responses carry it as {@code ETag}, and an {@code If-Match}
 * on a write becomes the {@code expectedVersion} the core services check. Controllers answer a write
 * with a fresh read of the record, because a view returned by a core write is built before the flush
 * that bumps the version, and its ETag would already be stale.
 */
public final class Versions {
    private Versions() {
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(Long.toString(version)).body(body);
    }

    /** 201 with the new record's URL (the collection URL of this request plus its id). */
    public static <T> ResponseEntity<T> created(T body, UUID id, long version) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(Long.toString(version)).body(body);
    }

    /**
     * The version an {@code If-Match} header asks for; {@code null} when absent or {@code *}. Weak tags
     * are accepted like strong ones because proxies that compress responses weaken the ETag they pass on.
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.contains(",")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "If-Match must hold a single entity-tag.");
            problem.setProperty(ApiProblems.CODE, "header.if-match.invalid");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // A tag that is no version of ours can never match the current one.
            throw new ConflictException("record.version.conflict", tag);
        }
    }
}
