/* kg explorer: filter the server-rendered rows by entity type and by a name search. */
(function () {
  "use strict";
  var select = document.getElementById("kg-type");
  var search = document.getElementById("kg-search");
  var count = document.getElementById("kg-count");
  var rows = document.getElementById("kg-rows").rows;

  function apply() {
    var type = select.value;
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < rows.length; i += 1) {
      var row = rows[i];
      var name = row.cells[0].textContent.toLowerCase();
      var match = (!type || row.getAttribute("data-type") === type) &&
                  (!query || name.indexOf(query) !== -1);
      row.hidden = !match;
      if (match) { shown += 1; }
    }
    count.textContent = shown + " of " + rows.length + " entities";
    count.setAttribute("data-shown", String(shown));
  }

  select.addEventListener("change", apply);
  search.addEventListener("input", apply);
  apply();
  document.body.setAttribute("data-kg-ready", "true");
})();
