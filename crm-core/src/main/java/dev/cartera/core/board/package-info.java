/** The Kanban read model of a pipeline: columns per stage with figures, cards with their stage timers. */
package dev.cartera.core.board;
