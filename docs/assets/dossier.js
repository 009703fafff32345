/* Big Tech in Health: the reader's script choice, and full page addresses in citations. */
(function () {
  "use strict";

  /* A click on 繁體 / 简体 remembers the choice; links then go to the other page, buttons (on
   * profiles, which hold both scripts) switch in place. */
  document.addEventListener("click", function (event) {
    var control = event.target.closest("[data-script-choice]");
    if (!control) return;
    var choice = control.getAttribute("data-script-choice");
    try { localStorage.setItem("dossier.script", choice); } catch (e) {}
    document.documentElement.setAttribute("data-script", choice);
  });

  /* Citations name the dossier page by its full address, which only the browser knows: written over the
     placeholder the citation ends with (its last one; the same words in a cited title stay as they are). */
  var address = location.href.split("#")[0].split("?")[0];
  var placeholder = "{dossier page}";
  document.querySelectorAll(".cite-box code").forEach(function (code) {
    var text = code.textContent, at = text.lastIndexOf(placeholder);
    /* In BibTeX's note the address is typeset inside \url: % (of a percent-encoded address) escaped. */
    var written = code.closest(".citation-bibtex") ? address.replace(/[%#]/g, "\\$&") : address;
    if (at >= 0) code.textContent = text.slice(0, at) + written + text.slice(at + placeholder.length);
  });
})();
