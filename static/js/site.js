// Exit this page: leave for a neutral site without adding this page to history,
// on a click or on three presses of Shift within two seconds. Without JavaScript
// the control is still an ordinary link.
(function () {
  "use strict";
  // Printed pages show every FAQ answer.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  var exit = document.getElementById("exit-this-page");
  if (!exit) return;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.classList.add("is-exiting");
    window.location.replace(exit.href);
  }

  exit.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
