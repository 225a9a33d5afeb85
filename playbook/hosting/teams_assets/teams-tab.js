/* The Playbook tab's pages in Teams (overrides/playbook/teams-tab.html). Outside Teams, or when
   TeamsJS cannot start, the plain link to the playbook is all there is, and it works. */
(function () {
  "use strict";

  function start() {
    var main = document.querySelector("[data-pb-teams]");
    var teams = window.microsoftTeams;
    if (!main || !teams || !teams.app) return;
    var kind = main.getAttribute("data-pb-teams");
    teams.app.initialize().then(function () {
      if (kind === "signed-in") {
        teams.authentication.notifySuccess();
        return;
      }
      var button = main.querySelector("[data-pb-teams-sign-in]");
      var status = main.querySelector("[data-pb-teams-status]");
      button.hidden = false;
      button.addEventListener("click", function () {
        status.textContent = "Signing in in a separate window…";
        teams.authentication.authenticate({
          url: new URL(main.getAttribute("data-pb-sign-in-url"), window.location.href).href,
          width: 600,
          height: 640
        }).then(function () {
          window.location.assign(main.getAttribute("data-pb-home"));
        }).catch(function (reason) {
          status.textContent = "Signing in here did not finish (" + reason + "). Open the playbook in your browser instead.";
        });
      });
    }).catch(function () {
      // Not inside Teams: the link opens the playbook.
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
