/* kg network pages: the data comes from the JSON block #kg-data; every text from the graph
   reaches the page through textContent (tooltips are DOM elements, never HTML strings). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function tooltip(tip) {
    var box = element("div", "kg-tip");
    box.appendChild(element("strong", "", tip.title));
    tip.fields.forEach(function (field) {
      var row = element("div", "field");
      row.appendChild(element("span", "", field[0] + ": "));
      row.appendChild(document.createTextNode(field[1]));
      box.appendChild(row);
    });
    tip.lists.forEach(function (list) {
      box.appendChild(element("h3", "", list[0]));
      var items = element("ul");
      list[1].forEach(function (item) { items.appendChild(element("li", "", item)); });
      if (list[2] > 0) { items.appendChild(element("li", "more", "and " + list[2] + " more")); }
      box.appendChild(items);
    });
    return box;
  }

  [data.nodes, data.edges].forEach(function (items) {
    items.forEach(function (item) {
      if (item.tip) { item.title = tooltip(item.tip); delete item.tip; }
    });
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;

  function ready() { document.body.setAttribute("data-kg-ready", "true"); }
  if (nodes.length === 0) {
    ready();
  } else if (data.options.physics && data.options.physics.enabled === false) {
    network.once("afterDrawing", ready);
  } else {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ maxZoomLevel: 1 });
      ready();
    });
  }
})();
