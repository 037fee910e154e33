package dev.cartera.rules.internal;

import dev.cartera.core.access.Role;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.opportunity.OpportunityStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the assignee strategies read from the tenant: users and their absences, teams, loads, round-robin
 * turns, earlier customers. Live, it locks and advances the team's turn row inside the caller's transaction.
 * Simulated, it only reads, and remembers its own decisions in memory so that a run over many records
 * predicts what creating them one after another would do.
 */
public final class AssignmentContext {
    private static final List<LeadStatus> OPEN_LEADS = List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED);

    /** A user as the strategies see them. */
    public record Member(UUID id, String username, String displayName, String email, Role role, UUID teamId, boolean active,
            LocalDate absentFrom, LocalDate absentUntil) {
        /** How reasons name the person: the display name, the user name when there is none. */
        String name() {
            return displayName == null || displayName.isBlank() ? username : displayName;
        }

        boolean absentOn(LocalDate day) {
            if (absentFrom == null && absentUntil == null) {
                return false;
            }
            return (absentFrom == null || !day.isBefore(absentFrom)) && (absentUntil == null || !day.isAfter(absentUntil));
        }
    }

    private final EntityManager em;
    private final LocalDate today;
    private final boolean simulated;
    private Map<UUID, Member> members;
    private final Map<UUID, UUID> simulatedTurns = new HashMap<>();
    /** Per owner, the leads this context gave out that the database does not show yet (see {@link #loads}). */
    private final Map<UUID, Long> pendingLeads = new HashMap<>();
    private final List<Map.Entry<String, UUID>> remembered = new ArrayList<>();
    /** Leads assigned for real and not stored yet, with their owner: a bulk writer stores a whole chunk at its end. */
    private final Map<Lead, UUID> unstored = new IdentityHashMap<>();

    public AssignmentContext(EntityManager em, LocalDate today, boolean simulated) {
        this.em = em;
        this.today = today;
        this.simulated = simulated;
    }

    public boolean simulated() {
        return simulated;
    }

    public LocalDate today() {
        return today;
    }

    Map<UUID, Member> members() {
        if (members == null) {
            Map<UUID, Member> all = new HashMap<>();
            for (Object[] r : em.createQuery("select u.id, u.username, u.displayName, u.email, u.role, u.teamId, u.active, u.absentFrom,"
                    + " u.absentUntil from CrmUser u", Object[].class).setFlushMode(FlushModeType.COMMIT).getResultList()) {
                all.put((UUID) r[0], new Member((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Role) r[4],
                        (UUID) r[5], (Boolean) r[6], (LocalDate) r[7], (LocalDate) r[8]));
            }
            members = all;
        }
        return members;
    }

    public Optional<Member> member(UUID id) {
        return Optional.ofNullable(id == null ? null : members().get(id));
    }

    /** Active and not absent today (per the injected clock). */
    public boolean eligible(UUID userId) {
        Member m = userId == null ? null : members().get(userId);
        return m != null && m.active() && !m.absentOn(today);
    }

    public String username(UUID userId) {
        return member(userId).map(Member::username).orElse(String.valueOf(userId));
    }

    /** The person as reasons name them (display name, else user name). */
    public String name(UUID userId) {
        return member(userId).map(Member::name).orElse(String.valueOf(userId));
    }

    public UUID teamOf(UUID userId) {
        return member(userId).map(Member::teamId).orElse(null);
    }

    /** The team's active sales reps, in a stable order (user name, then id): the round-robin circle. */
    public List<Member> teamReps(UUID teamId) {
        return members().values().stream()
                .filter(m -> teamId != null && teamId.equals(m.teamId()) && m.active() && m.role() == Role.SALES_REP)
                .sorted(Comparator.comparing(Member::username).thenComparing(Member::id))
                .toList();
    }

    /** The next eligible rep after the last one served, advancing the team's turn (locked row when live). */
    public Optional<UUID> nextInTurn(UUID teamId) {
        List<Member> circle = teamReps(teamId);
        if (circle.stream().noneMatch(m -> eligible(m.id()))) {
            return Optional.empty();
        }
        RotationRecord row = null;
        UUID last;
        if (simulated) {
            last = simulatedTurns.containsKey(teamId) ? simulatedTurns.get(teamId) : currentTurn(teamId, false).map(RotationRecord::getLastUserId).orElse(null);
        } else {
            row = currentTurn(teamId, true).orElse(null);
            if (row == null) {
                row = new RotationRecord();
                row.setTeamId(teamId);
                em.persist(row);
            }
            last = row.getLastUserId();
        }
        int start = 0;
        for (int i = 0; i < circle.size(); i++) {
            if (circle.get(i).id().equals(last)) {
                start = i + 1;
            }
        }
        for (int k = 0; k < circle.size(); k++) {
            Member candidate = circle.get((start + k) % circle.size());
            if (eligible(candidate.id())) {
                if (simulated) {
                    simulatedTurns.put(teamId, candidate.id());
                } else {
                    row.setLastUserId(candidate.id());
                    row.setTurns(row.getTurns() + 1);
                }
                return Optional.of(candidate.id());
            }
        }
        return Optional.empty();
    }

    private Optional<RotationRecord> currentTurn(UUID teamId, boolean lock) {
        var query = em.createQuery("select r from RotationRecord r where r.teamId = :t", RotationRecord.class)
                .setParameter("t", teamId).setFlushMode(FlushModeType.COMMIT);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** Creates the turn rows of the given teams, so that concurrent first assignments find one row to lock. */
    public void ensureTurns(List<UUID> teamIds) {
        for (UUID team : teamIds) {
            if (currentTurn(team, false).isEmpty()) {
                RotationRecord row = new RotationRecord();
                row.setTeamId(team);
                em.persist(row);
            }
        }
    }

    /** Open leads and open deals per user (plus this simulation's own assignments). */
    public Map<UUID, long[]> loads(List<UUID> users) {
        Map<UUID, long[]> loads = new HashMap<>();
        users.forEach(u -> loads.put(u, new long[2]));
        if (users.isEmpty()) {
            return loads;
        }
        if (!simulated) {
            // The leads this unit of work already created count too. A caller may have switched automatic flushing
            // off (core's import does, for speed), and then a query would not see them: flush them explicitly.
            em.flush();
        }
        for (Object[] r : em.createQuery("select l.ownerId, count(l) from Lead l where l.ownerId in :u and l.status in :s"
                + " group by l.ownerId", Object[].class).setParameter("u", users).setParameter("s", OPEN_LEADS).getResultList()) {
            loads.get((UUID) r[0])[0] = (Long) r[1];
        }
        for (Object[] r : em.createQuery("select o.ownerId, count(o) from Opportunity o where o.ownerId in :u and o.status = :s"
                + " group by o.ownerId", Object[].class).setParameter("u", users).setParameter("s", OpportunityStatus.OPEN).getResultList()) {
            loads.get((UUID) r[0])[1] = (Long) r[1];
        }
        // A simulation's leads are never stored; a bulk writer (core's import on PostgreSQL) prepares a whole chunk
        // before it stores it by COPY: either way they load their owners all the same.
        pendingLeads.forEach((user, n) -> {
            if (loads.containsKey(user)) {
                loads.get(user)[0] += n;
            }
        });
        return loads;
    }

    /**
     * Owners connected to a returning customer, best first: the owner of an account with the same tax id, e-mail
     * or phone, then whoever last logged an activity on it; failing an account, the owners of earlier leads, newest
     * first (those this context assigned itself before those it reads). Accounts and contacts are read as committed
     * (an import of leads does not create them); leads with the unit's pending rows flushed.
     */
    public List<UUID> returningOwners(UUID selfId, String taxId, String email, String phone) {
        List<UUID> owners = new ArrayList<>();
        if (taxId == null && email == null && phone == null) {
            return owners;
        }
        List<UUID> accounts = new ArrayList<>(em.createQuery("select a.id from Account a where " + points("a")
                + " order by a.updatedAt desc, a.id desc", UUID.class).setParameter("t", taxId).setParameter("e", email)
                .setParameter("p", phone).setFlushMode(FlushModeType.COMMIT).setMaxResults(5).getResultList());
        if (email != null || phone != null) {
            em.createQuery("select c.accountId from Contact c where (c.email = :e or c.phone = :p) and c.accountId is not null"
                    + " order by c.updatedAt desc, c.id desc", UUID.class).setParameter("e", email).setParameter("p", phone)
                    .setFlushMode(FlushModeType.COMMIT).setMaxResults(5).getResultList().stream().filter(a -> !accounts.contains(a)).forEach(accounts::add);
        }
        for (UUID account : accounts) {
            em.createQuery("select a.ownerId from Account a where a.id = :id", UUID.class).setParameter("id", account)
                    .getResultStream().findFirst().ifPresent(owners::add);
            owners.addAll(em.createQuery("select a.ownerId from Activity a where a.accountId = :id and a.ownerId is not null"
                    + " order by coalesce(a.completedAt, a.createdAt) desc, a.id desc", UUID.class).setParameter("id", account)
                    .setMaxResults(5).getResultList());
        }
        for (int i = remembered.size() - 1; i >= 0; i--) {
            Map.Entry<String, UUID> seen = remembered.get(i);
            if (seen.getKey().equals("t:" + taxId) || seen.getKey().equals("e:" + email) || seen.getKey().equals("p:" + phone)) {
                owners.add(seen.getValue());
            }
        }
        owners.addAll(em.createQuery("select l.ownerId from Lead l where " + points("l") + " and l.id <> :self"
                + " and l.ownerId is not null order by l.createdAt desc, l.id desc", UUID.class).setParameter("t", taxId)
                .setParameter("e", email).setParameter("p", phone).setParameter("self", selfId == null ? new UUID(0, 0) : selfId)
                .setMaxResults(5).getResultList());
        owners.removeIf(java.util.Objects::isNull);
        return owners;
    }

    private static String points(String alias) {
        return "(" + alias + ".taxId = :t or " + alias + ".email = :e or " + alias + ".phone = :p)";
    }

    /** Keeps a lead this context assigned for real to {@code owner}: {@link #loads} counts it until it is stored. */
    public void assigned(Lead lead, UUID owner) {
        if (!simulated && unstored.put(lead, owner) == null) {
            pendingLeads.merge(owner, 1L, Long::sum);
        }
    }

    /** Leads just stored (persisted, or copied by a bulk writer): the database counts them from now on. */
    public void stored(List<Lead> leads) {
        for (Lead lead : leads) {
            UUID owner = unstored.remove(lead);
            if (owner != null) {
                pendingLeads.merge(owner, -1L, Long::sum);
            }
        }
    }

    /**
     * Remembers whom this context gave a lead to: leads of one unit of work share a timestamp, so their order is
     * known only here. A simulation also counts them into the loads, as storing them would.
     */
    public void remember(UUID owner, String taxId, String email, String phone) {
        if (owner == null) {
            return;
        }
        if (simulated) {
            pendingLeads.merge(owner, 1L, Long::sum);
        }
        if (taxId != null) {
            remembered.add(Map.entry("t:" + taxId, owner));
        }
        if (email != null) {
            remembered.add(Map.entry("e:" + email, owner));
        }
        if (phone != null) {
            remembered.add(Map.entry("p:" + phone, owner));
        }
    }
}
