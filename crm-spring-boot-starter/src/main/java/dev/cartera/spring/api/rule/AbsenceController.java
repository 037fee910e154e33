package dev.cartera.spring.api.rule;

import dev.cartera.core.common.ValidationException;
import dev.cartera.rules.CarteraRules;
import dev.cartera.rules.HandoverView;
import dev.cartera.spring.api.rule.RuleRequests.AbsenceRequest;
import dev.cartera.spring.api.rule.RuleRequests.TakeBack;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Absences: an admin, or the user themselves, marks a user absent — their open tasks are handed to
 * colleagues by the USER_ABSENT automation rules — and back; on return the handed tasks are offered back.
 */
@RestController
@RequestMapping("/users/{userId}")
public class AbsenceController {
    private final CarteraRules rules;
    private final RuleTexts texts;

    public AbsenceController(CarteraRules rules, RuleTexts texts) {
        this.rules = rules;
        this.texts = texts;
    }

    /**
     * Marks the user absent; answers with the tasks handed over now (none when the absence starts later), each
     * described in the Accept-Language (Spanish by default).
     */
    @PutMapping("/absence")
    public List<RuleResponses.Action> markAbsent(@PathVariable UUID userId, @RequestBody AbsenceRequest body,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        if (body.from() == null) {
            throw ValidationException.of("from", "validation.NotNull");
        }
        java.util.Locale locale = RuleResponses.locale(language);
        return rules.absences().markAbsent(userId, body.from(), body.until()).stream()
                .map(a -> RuleResponses.Action.of(a, texts, locale)).toList();
    }

    /** The user is back today; answers with the tasks offered back to them. */
    @DeleteMapping("/absence")
    public List<HandoverView> markReturned(@PathVariable UUID userId) {
        return rules.absences().markReturned(userId);
    }

    /** Tasks handed away during the user's absences and still open with the colleague. */
    @GetMapping("/handovers")
    public List<HandoverView> offeredBack(@PathVariable UUID userId) {
        return rules.absences().offeredBack(userId);
    }

    @PostMapping("/handovers/take-back")
    public List<HandoverView> takeBack(@PathVariable UUID userId, @Valid @RequestBody TakeBack body) {
        return rules.absences().takeBack(userId, body.handoverIds());
    }

    /** The rest of the offered tasks stay with the colleagues who covered them. */
    @PostMapping("/handovers/keep")
    public ResponseEntity<Void> leaveWithColleagues(@PathVariable UUID userId) {
        rules.absences().leaveWithColleagues(userId);
        return ResponseEntity.noContent().build();
    }
}
