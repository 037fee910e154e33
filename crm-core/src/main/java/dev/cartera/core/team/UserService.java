package dev.cartera.core.team;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** CRM users, teams and offices of the tenant: who works in the CRM and how they are organised. */
public final class UserService {
    private final Transactions tx;

    public UserService(Transactions tx) {
        this.tx = tx;
    }

    public UserView create(UserDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.USER);
            if (findEntity(work, draft.username()).isPresent()) {
                throw new ConflictException("user.username.taken", draft.username());
            }
            CrmUser user = new CrmUser();
            user.setUsername(draft.username().strip());
            user.setActive(true);
            apply(work, draft, user);
            work.em().persist(user);
            work.audit("CREATE", RecordType.USER, user.getId(), user.getUsername() + " " + user.getRole());
            return UserView.of(user);
        });
    }

    public UserView update(UUID id, Long expectedVersion, UserDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            CrmUser user = work.loadShared(CrmUser.class, RecordType.USER, id, Action.UPDATE);
            user.checkVersion(expectedVersion);
            apply(work, draft, user);
            work.audit("UPDATE", RecordType.USER, id, user.getRole().name());
            return UserView.of(work.flushed(user));
        });
    }

    public UserView get(UUID id) {
        return tx.read(work -> UserView.of(work.loadShared(CrmUser.class, RecordType.USER, id, Action.READ)));
    }

    public Optional<UserView> findByUsername(String username) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.USER);
            return findEntity(work, username).map(UserView::of);
        });
    }

    /** The CRM user behind the current call. */
    public UserView me() {
        return tx.read(work -> {
            if (work.actor().userId() == null) {
                throw new NotFoundException(RecordType.USER, null);
            }
            return UserView.of(work.em().find(CrmUser.class, work.actor().userId()));
        });
    }

    public List<UserView> list() {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.USER);
            return work.em().createQuery("select u from CrmUser u order by u.displayName", CrmUser.class)
                    .getResultStream().map(UserView::of).toList();
        });
    }

    public OfficeView createOffice(String name, String city) {
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.OFFICE);
            Office office = new Office();
            office.setName(requireName(name));
            office.setCity(Validator.trimToNull(city));
            work.em().persist(office);
            work.audit("CREATE", RecordType.OFFICE, office.getId(), office.getName());
            return OfficeView.of(office);
        });
    }

    public TeamView createTeam(String name, UUID officeId, UUID managerId) {
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.TEAM);
            if (officeId != null) {
                work.loadShared(Office.class, RecordType.OFFICE, officeId, Action.READ);
            }
            if (managerId != null) {
                work.loadShared(CrmUser.class, RecordType.USER, managerId, Action.READ);
            }
            Team team = new Team();
            team.setName(requireName(name));
            team.setOfficeId(officeId);
            team.setManagerId(managerId);
            work.em().persist(team);
            work.audit("CREATE", RecordType.TEAM, team.getId(), team.getName());
            return TeamView.of(team);
        });
    }

    public List<TeamView> teams() {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.TEAM);
            return work.em().createQuery("select t from Team t order by t.name", Team.class)
                    .getResultStream().map(TeamView::of).toList();
        });
    }

    public List<OfficeView> offices() {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.OFFICE);
            return work.em().createQuery("select o from Office o order by o.name", Office.class)
                    .getResultStream().map(OfficeView::of).toList();
        });
    }

    private static void apply(UnitOfWork work, UserDraft draft, CrmUser user) {
        if (draft.teamId() != null) {
            work.loadShared(Team.class, RecordType.TEAM, draft.teamId(), Action.READ);
        }
        if (draft.officeId() != null) {
            work.loadShared(Office.class, RecordType.OFFICE, draft.officeId(), Action.READ);
        }
        user.setDisplayName(draft.displayName().strip());
        user.setEmail(Validator.trimToNull(draft.email()));
        user.setRole(draft.role());
        user.setTeamId(draft.teamId());
        user.setOfficeId(draft.officeId());
        user.setLocale(draft.locale() == null ? "es" : draft.locale());
    }

    private static Optional<CrmUser> findEntity(UnitOfWork work, String username) {
        return work.em().createQuery("select u from CrmUser u where u.username = :username", CrmUser.class)
                .setParameter("username", username == null ? "" : username.strip())
                .getResultStream().findFirst();
    }

    private static String requireName(String name) {
        String trimmed = Validator.trimToNull(name);
        if (trimmed == null || trimmed.length() > 120) {
            throw ValidationException.of("name", "validation.NotBlank");
        }
        return trimmed;
    }
}
