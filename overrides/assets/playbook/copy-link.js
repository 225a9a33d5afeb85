/* "Copy link" on customer pages: copies the page's short link instead of following it.
   Delegated from the document, so it keeps working after Material's instant navigation.
   Without JavaScript the control is a plain link to the same address. */
(function () {
  "use strict";

  function announce(control, message) {
    var status = control.parentElement.querySelector(".pb-copy-link__status");
    if (status) status.textContent = message;
  }

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("[data-pb-copy]");
    if (!control || !navigator.clipboard) return;
    event.preventDefault();
    navigator.clipboard.writeText(control.getAttribute("data-pb-copy")).then(
      function () { announce(control, "Link copied: " + control.getAttribute("data-pb-copy")); },
      function () { announce(control, "Copy failed; the link is " + control.getAttribute("data-pb-copy")); }
    );
  });
})();
