package dev.cartera.spring.api.board;

import dev.cartera.core.board.Board;
import dev.cartera.core.board.BoardFilter;
import dev.cartera.core.board.BoardService;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Kanban of a pipeline: columns with count, amount and weighted amount; cards with their stage timers. */
@RestController
@RequestMapping("/boards")
public class BoardController {
    private final BoardService boards;

    public BoardController(BoardService boards) {
        this.boards = boards;
    }

    @GetMapping("/{pipelineId}")
    public Board board(@PathVariable UUID pipelineId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) UUID teamId, @RequestParam(required = false) UUID productId,
            @RequestParam(defaultValue = "" + BoardFilter.DEFAULT_CLOSED_WITHIN_DAYS) int closedWithinDays) {
        return boards.board(pipelineId, new BoardFilter(ownerId, teamId, productId, closedWithinDays));
    }
}
