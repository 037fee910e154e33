package dev.cartera.demo.seed;

import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.StageKind;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.demo.seed.SalesVocabulary.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The building blocks every tenant's story is told with: dated activities and tasks, a deal's way
 * through the pipeline (with the calls, visits and e-mails around it), and the keep-in-touch rhythm
 * of a customer. Everything is scheduled on the {@link DemoTimeline}; nothing runs here.
 */
final class Stories {
    private enum Outcome { WON, LOST, STALLED }

    final DemoTimeline timeline;
    final SpanishData data;
    final DemoOrganisation org;
    private final List<StageView> openStages;
    private final List<Product> products;
    private final Instant now;
    private int deals;

    Stories(DemoTimeline timeline, SpanishData data, DemoOrganisation org, List<Product> products) {
        this.timeline = timeline;
        this.products = List.copyOf(products);
        this.data = data;
        this.org = org;
        this.openStages = org.pipeline().stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        this.now = timeline.now();
    }

    Instant now() {
        return now;
    }

    int deals() {
        return deals;
    }

    /** A moment in office hours (Spanish time) on the given day, moved off weekends. */
    Instant workTime(Instant day) {
        LocalDate date = day.atZone(ZoneOffset.UTC).toLocalDate();
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            date = date.plusDays(2);
        } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return date.atTime(7, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(data.between(0, 9 * 60 + 30)));
    }

    /** A work moment some days after {@code from}, always strictly after it. */
    Instant later(Instant from, int minDays, int maxDays) {
        Instant at = workTime(from.plus(Duration.ofDays(data.between(minDays, maxDays))));
        return at.isAfter(from) ? at : from.plus(Duration.ofMinutes(data.between(20, 120)));
    }

    /** A call, visit, meeting or e-mail that happened, with what came of it. */
    void logged(Instant at, ActivityType type, String subject, RecordType relatedType, Ref<UUID> related, UUID owner, String outcome) {
        Integer minutes = switch (type) {
            case CALL -> data.between(3, 20);
            case VISIT, MEETING -> data.between(3, 8) * 15;
            default -> null;
        };
        Instant end = minutes == null ? null : at.plus(Duration.ofMinutes(minutes));
        timeline.at(at, crm -> {
            ActivityView a = crm.activities().create(new ActivityDraft(type, subject, null, relatedType, related.get(), owner,
                    null, at, end, Priority.NORMAL, null, minutes, false));
            crm.activities().complete(a.id(), null, outcome);
        });
    }

    /** A to-do created at {@code created}, due at {@code due}; done at {@code doneAt} unless that is null or still to come. */
    void task(Instant created, Instant due, String subject, RecordType relatedType, Ref<UUID> related, UUID owner,
            Priority priority, Instant doneAt) {
        Ref<UUID> task = new Ref<>();
        boolean kept = timeline.at(created, crm -> task.set(crm.activities().create(new ActivityDraft(ActivityType.TODO,
                subject, null, relatedType, related.get(), owner, due, null, null, priority, null, null, false)).id()));
        if (kept && doneAt != null && doneAt.isAfter(created)) {
            timeline.at(doneAt, crm -> crm.activities().complete(task.get(), null, "Hecho"));
        }
    }

    /** Regular contact with a customer from {@code from} until today. */
    void keepInTouch(Ref<UUID> account, UUID owner, Instant from) {
        Instant at = later(from, 20, 70);
        while (at.isBefore(now)) {
            String subject = data.pick(SalesVocabulary.KEEP_IN_TOUCH);
            ActivityType type = subject.startsWith("Visita") ? ActivityType.VISIT
                    : subject.startsWith("Envío") ? ActivityType.EMAIL : ActivityType.CALL;
            String outcome = type == ActivityType.VISIT ? data.pick(SalesVocabulary.VISIT_OUTCOMES)
                    : type == ActivityType.CALL ? data.pick(SalesVocabulary.CALL_OUTCOMES) : null;
            logged(at, type, subject, RecordType.ACCOUNT, account, owner, outcome);
            at = later(at, 45, 110);
        }
    }

    Product product() {
        return data.pick(products);
    }

    BigDecimal amount(Product product) {
        int euros = data.between(product.minEuros(), product.maxEuros());
        return BigDecimal.valueOf(euros / 10 * 10L).setScale(2, RoundingMode.UNNECESSARY);
    }

    static String dealName(Product product, String accountName) {
        return product.name() + " · " + accountName;
    }

    /** A new deal on an existing customer, and everything that happens to it until today. */
    void newDeal(Instant createdAt, Ref<UUID> account, Ref<UUID> contact, UUID owner, String source, String accountName) {
        Product product = product();
        String name = dealName(product, accountName);
        Ref<UUID> deal = new Ref<>();
        LocalDate expectedClose = createdAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(data.between(25, 60));
        BigDecimal amount = amount(product);
        boolean kept = timeline.at(createdAt, crm -> deal.set(crm.opportunities().create(new OpportunityDraft(name,
                account.get(), contact.get(), null, null, amount, "EUR", expectedClose, owner, source, null,
                "Necesidad detectada en visita: " + product.name().toLowerCase(java.util.Locale.ROOT) + ".")).id()));
        if (kept) {
            progress(deal, createdAt, owner, name, product);
        }
    }

    /**
     * Moves a deal that entered the first stage at {@code start} through the pipeline: won, lost at
     * some stage, or stalled for weeks. A move that would fall after today never happened, so recent
     * deals stay open where they are, with a follow-up task (overdue when its date has passed).
     */
    void progress(Ref<UUID> deal, Instant start, UUID owner, String name, Product product) {
        deals++;
        double roll = data.random().nextDouble();
        Outcome outcome = roll < 0.55 ? Outcome.WON : roll < 0.8 ? Outcome.LOST : Outcome.STALLED;
        int endsAt = data.between(0, openStages.size() - 1);
        logged(start.plus(Duration.ofMinutes(data.between(30, 180))), data.chance(0.5) ? ActivityType.VISIT : ActivityType.MEETING,
                "Visita: necesidades de " + product.name().toLowerCase(java.util.Locale.ROOT), RecordType.OPPORTUNITY, deal, owner,
                data.pick(SalesVocabulary.VISIT_OUTCOMES));
        Instant entered = start;
        for (int stage = 0; stage < openStages.size(); stage++) {
            boolean stalls = outcome == Outcome.STALLED && stage == endsAt;
            Instant next = stalls ? later(entered, 40, 90) : later(entered, 5, 24);
            if (stage == 0) {
                Instant due = later(start, 2, 6);
                task(start.plus(Duration.ofHours(1)), due, "Preparar oferta: " + product.name(), RecordType.OPPORTUNITY, deal,
                        owner, Priority.HIGH, next);
            }
            if (next.isAfter(now)) {
                openFollowUp(deal, entered, owner, name, stage);
                return;
            }
            if ((outcome == Outcome.LOST || stalls) && stage == endsAt) {
                String reason = stalls ? "Sin respuesta" : data.pick(SalesVocabulary.LOST_REASONS);
                timeline.at(next, crm -> crm.opportunities().markLost(deal.get(), null, reason));
                logged(next.plus(Duration.ofMinutes(5)), ActivityType.CALL, "Cierre de la oportunidad", RecordType.OPPORTUNITY,
                        deal, owner, reason);
                return;
            }
            if (stage == openStages.size() - 1) {
                timeline.at(next, crm -> crm.opportunities().markWon(deal.get(), null));
                logged(next.plus(Duration.ofMinutes(10)), ActivityType.CALL, "Confirmación del pedido", RecordType.OPPORTUNITY,
                        deal, owner, "Pedido confirmado; entrega a acordar con el almacén");
                logged(later(next, 4, 12), ActivityType.VISIT, "Entrega e instalación: " + product.name(), RecordType.OPPORTUNITY,
                        deal, owner, "Entregado y firmado el albarán");
                return;
            }
            UUID target = openStages.get(stage + 1).id();
            timeline.at(next, crm -> crm.opportunities().moveToStage(deal.get(), null, target, null));
            if (stage == 0) {
                logged(next.plus(Duration.ofMinutes(15)), ActivityType.EMAIL, "Envío de oferta: " + name, RecordType.OPPORTUNITY,
                        deal, owner, null);
            } else {
                logged(next.plus(Duration.ofMinutes(30)), ActivityType.MEETING, "Negociación de condiciones", RecordType.OPPORTUNITY,
                        deal, owner, data.chance(0.5) ? "Piden un 5 % de descuento por volumen" : "Ajustar plazos de entrega y pago a 60 días");
            }
            Instant followUp = later(next, 2, 6);
            if (followUp.isBefore(now)) {
                logged(followUp, ActivityType.CALL, "Seguimiento de la oferta", RecordType.OPPORTUNITY, deal, owner,
                        data.pick(SalesVocabulary.CALL_OUTCOMES));
            }
            entered = next;
        }
    }

    private void openFollowUp(Ref<UUID> deal, Instant entered, UUID owner, String name, int stage) {
        Instant created = entered.plus(Duration.ofHours(2));
        Instant due = workTime(now.plus(Duration.ofDays(data.between(-8, 12))));
        if (!due.isAfter(created)) {
            due = later(created, 1, 3);
        }
        Priority priority = stage == openStages.size() - 1 ? Priority.HIGH : Priority.NORMAL;
        task(created, due, (stage == 0 ? "Llamar para concretar la oferta: " : "Seguimiento: ") + name, RecordType.OPPORTUNITY,
                deal, owner, priority, null);
    }
}
