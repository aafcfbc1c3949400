// SideGuy console: a live SMS counter for reply boxes. No inline script: the
// content security policy forbids it, so everything hooks in from here.
(function () {
  "use strict";
  var basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var extension = "^{}\\[~]|€\f";

  // measure mirrors internal/gsm.Measure: encoding, units and segments.
  function measure(text) {
    var septets = 0, gsm = true, units = 0;
    for (var ch of text) {
      if (basic.indexOf(ch) >= 0) { septets += 1; }
      else if (extension.indexOf(ch) >= 0) { septets += 2; }
      else { gsm = false; }
      units += ch.length; // UTF-16 code units
    }
    var n = gsm ? septets : units, single = gsm ? 160 : 70, multi = gsm ? 153 : 67;
    var segments = n === 0 ? 0 : (n <= single ? 1 : Math.ceil(n / multi));
    return { encoding: gsm ? "GSM-7" : "UCS-2", units: n, segments: segments };
  }

  function wire(box) {
    var out = document.getElementById(box.getAttribute("data-counter"));
    if (!out) { return; }
    function update() {
      var m = measure(box.value);
      var text = m.units + " characters · " + m.encoding + " · " + m.segments + (m.segments === 1 ? " segment" : " segments");
      if (m.encoding === "UCS-2") { text += " (a character outside GSM-7 makes every segment shorter)"; }
      if ([...box.value].length > 1600) { text += " · too long: 1600 at most"; }
      out.textContent = text;
      out.classList.toggle("bad", m.encoding === "UCS-2" || [...box.value].length > 1600);
    }
    box.addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-counter]").forEach(wire);
    document.querySelectorAll("form button.danger").forEach(function (b) {
      b.form.addEventListener("submit", function (e) {
        var q = b.getAttribute("data-confirm") || "Delete this entry? The line stops using it.";
        if (!window.confirm(q)) { e.preventDefault(); }
      });
    });
  });
})();
