package dev.cartera.core.board;

import java.util.UUID;

/**
 * Narrows the Kanban: deals of one owner, of one team's members, or with a product in one of
 * their quotes. Won and lost columns show deals closed in the last {@code closedWithinDays} days.
 */
public record BoardFilter(UUID ownerId, UUID teamId, UUID productId, int closedWithinDays) {
    public static final int DEFAULT_CLOSED_WITHIN_DAYS = 30;

    public BoardFilter {
        if (closedWithinDays < 0) {
            closedWithinDays = 0;
        }
    }

    public static BoardFilter none() {
        return new BoardFilter(null, null, null, DEFAULT_CLOSED_WITHIN_DAYS);
    }

    public BoardFilter owner(UUID owner) {
        return new BoardFilter(owner, teamId, productId, closedWithinDays);
    }

    public BoardFilter team(UUID team) {
        return new BoardFilter(ownerId, team, productId, closedWithinDays);
    }

    public BoardFilter product(UUID product) {
        return new BoardFilter(ownerId, teamId, product, closedWithinDays);
    }
}
