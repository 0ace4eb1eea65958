// Type-ahead for search boxes marked data-suggest: fills a <datalist> as the user types.
// The search works without it; this only saves keystrokes.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(boxes, function (box, index) {
    var list = document.createElement("datalist");
    list.id = "suggestions-" + index;
    box.setAttribute("list", list.id);
    box.parentNode.insertBefore(list, box.nextSibling);
    var timer = null;
    var controller = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      var typed = box.value.trim();
      if (typed.length === 0 || typed.length > 20) {
        list.replaceChildren();
        return;
      }
      timer = setTimeout(function () {
        if (controller) { controller.abort(); }
        controller = new AbortController();
        fetch(box.getAttribute("data-suggest") + "?q=" + encodeURIComponent(typed), { signal: controller.signal })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) {
            list.replaceChildren.apply(list, suggestions.map(function (s) {
              var option = document.createElement("option");
              option.value = s.text;
              return option;
            }));
          })
          .catch(function () { /* offline or aborted: keep typing without suggestions */ });
      }, 120);
    });
  });
})();
