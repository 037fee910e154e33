/*
 * Cartera deals: the Kanban board (drag and drop with SortableJS, one stage at a time on a phone,
 * the dialog a move needs) and the quote builder's small helpers. Everything goes through htmx.
 */
(function () {
  "use strict";
  var STAGE_KEY = "cartera.board.stage";

  function currentStage(board) {
    var wanted = null;
    try { wanted = window.sessionStorage.getItem(STAGE_KEY); } catch (e) { wanted = null; }
    var columns = board.querySelectorAll(".board-column");
    for (var i = 0; i < columns.length; i++) {
      if (columns[i].getAttribute("data-stage-id") === wanted) { return wanted; }
    }
    return columns.length ? columns[0].getAttribute("data-stage-id") : null;
  }

  function showStage(board, stageId) {
    try { window.sessionStorage.setItem(STAGE_KEY, stageId); } catch (e) { /* private mode */ }
    board.querySelectorAll(".board-column").forEach(function (col) {
      col.classList.toggle("current", col.getAttribute("data-stage-id") === stageId);
    });
    board.querySelectorAll(".board-tab").forEach(function (tab) {
      var on = tab.getAttribute("data-stage-id") === stageId;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      if (on && tab.scrollIntoView) { tab.scrollIntoView({block: "nearest", inline: "nearest"}); }
    });
  }

  function step(board, delta) {
    var tabs = Array.prototype.slice.call(board.querySelectorAll(".board-tab"));
    var index = tabs.findIndex(function (t) { return t.getAttribute("aria-selected") === "true"; });
    var next = tabs[Math.min(tabs.length - 1, Math.max(0, index + delta))];
    if (next) { showStage(board, next.getAttribute("data-stage-id")); }
  }

  function filters() {
    var values = {};
    var form = document.getElementById("board-filters");
    if (form) {
      new FormData(form).forEach(function (value, name) { if (value) { values[name] = value; } });
    }
    return values;
  }

  function move(board, card, stageId) {
    var values = filters();
    var csrf = board.querySelector("#board-move-form");
    if (csrf) {
      new FormData(csrf).forEach(function (value, name) { values[name] = value; });
    }
    values.stageId = stageId;
    values.version = card.getAttribute("data-version");
    htmx.ajax("POST", board.getAttribute("data-move-url") + card.getAttribute("data-opportunity-id") + "/move",
      {target: "#board", swap: "outerHTML", values: values});
  }

  function initBoard(board) {
    showStage(board, currentStage(board));
    board.querySelectorAll(".board-tab").forEach(function (tab) {
      tab.addEventListener("click", function () { showStage(board, tab.getAttribute("data-stage-id")); });
    });
    var startX = null, startY = null;
    board.addEventListener("touchstart", function (e) {
      startX = e.touches[0].clientX; startY = e.touches[0].clientY;
    }, {passive: true});
    board.addEventListener("touchend", function (e) {
      if (startX === null || window.matchMedia("(min-width: 768px)").matches) { return; }
      var dx = e.changedTouches[0].clientX - startX, dy = e.changedTouches[0].clientY - startY;
      if (Math.abs(dx) > 70 && Math.abs(dx) > 2 * Math.abs(dy)) { step(board, dx < 0 ? 1 : -1); }
      startX = null;
    }, {passive: true});
    if (window.Sortable) {
      board.querySelectorAll(".board-cards").forEach(function (list) {
        window.Sortable.create(list, {
          group: "cartera-board", animation: 150, delay: 250, delayOnTouchOnly: true, forceFallback: true,
          filter: "select, input, label, .card-move", preventOnFilter: false, draggable: ".board-card",
          onEnd: function (event) {
            var to = event.to.getAttribute("data-stage-id");
            if (event.from !== event.to) { move(board, event.item, to); }
          }
        });
      });
    }
  }

  function openDialogs(root) {
    root.querySelectorAll("dialog[data-autoopen]").forEach(function (dialog) {
      if (!dialog.open && dialog.showModal) { dialog.showModal(); }
      dialog.querySelectorAll("[data-close-dialog]").forEach(function (button) {
        button.addEventListener("click", function () { dialog.close(); });
      });
      var first = dialog.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    });
  }

  function init() {
    if (!window.htmx) { return; }
    htmx.onLoad(function (elt) {
      var boards = elt.id === "board" ? [elt] : Array.prototype.slice.call(elt.querySelectorAll("#board"));
      boards.forEach(initBoard);
      openDialogs(elt.parentNode || elt);
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.detail.target && event.detail.target.id === "board") {
        var dialog = document.getElementById("move-dialog");
        if (dialog) {
          if (dialog.open) { dialog.close(); }
          dialog.remove();
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
