/*
 * Cartera UI: the only script besides htmx. Opens and closes the phone menu and the user menu, copies
 * secret links, and listens to the alert stream: each "alert" event fetches that alert's translated
 * toast (which also updates the bell's count) and shows it for a while.
 */
(function () {
  "use strict";
  var TOAST_MILLIS = 10000;

  function listenForAlerts() {
    var body = document.body;
    var streamUrl = body.getAttribute("data-alert-stream");
    var toastBase = body.getAttribute("data-alert-toast");
    var toasts = document.getElementById("toasts");
    if (!streamUrl || !toastBase || !toasts || !window.EventSource) {
      return;
    }
    var source = new EventSource(streamUrl);
    source.onopen = function () {
      body.setAttribute("data-alert-stream-state", "open");
    };
    source.onerror = function () {
      body.setAttribute("data-alert-stream-state", "reconnecting");
    };
    source.addEventListener("alert", function (event) {
      var alert;
      try {
        alert = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (!alert || !alert.id || !window.htmx) {
        return;
      }
      window.htmx.ajax("GET", toastBase + encodeURIComponent(alert.id) + "/toast", {target: toasts, swap: "beforeend"})
        .then(function () {
          var toast = toasts.lastElementChild;
          if (toast && toast.classList.contains("toast")) {
            setTimeout(function () { toast.remove(); }, TOAST_MILLIS);
          }
        });
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }

  function copy(button) {
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    field.select();
    var done = function () {
      var label = button.querySelector("span");
      if (label && button.getAttribute("data-copied")) {
        label.textContent = button.getAttribute("data-copied");
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done);
    } else {
      document.execCommand("copy");
      done();
    }
  }

  function init() {
    listenForAlerts();
    document.addEventListener("click", function (event) {
      var target = event.target.closest ? event.target : null;
      var copyButton = target && target.closest("[data-copy]");
      if (copyButton) {
        copy(copyButton);
      }
      var close = target && target.closest("[data-toast-close]");
      if (close && close.closest(".toast")) {
        close.closest(".toast").remove();
      }
    });
    var toggle = document.getElementById("nav-toggle");
    var nav = document.getElementById("cartera-nav");
    if (toggle && nav) {
      toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    document.addEventListener("click", function (event) {
      document.querySelectorAll("details.user-menu[open], details.alert-menu[open]").forEach(function (menu) {
        if (!menu.contains(event.target)) {
          menu.removeAttribute("open");
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav && nav.classList.contains("open")) {
        nav.classList.remove("open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
