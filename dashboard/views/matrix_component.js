// The page's stance matrix in the browser (dashboard/views/matrix_component.py; the SVG is dashboard/matrix_svg.py's).
// The server sends the SVG's content; this puts it in place, fits the labels to their room (cut with
// an ellipsis, as the Vega chart cut them) and the drawing to its labels, rings the open cell (named by
// a mark beside the drawing), and reports a click, Enter or Space on a cell (setTriggerValue). Arrow
// keys, Home and End move between cells; a tooltip shows a cell's actor, issue, reading, summary and
// quotes on hover and on focus.
// Plain JavaScript run by Streamlit's components v2: no build step, nothing fetched.

const SVG_NS = "http://www.w3.org/2000/svg";
const TIP_FIELDS = ["Actor", "Issue", "Reading", "Summary", "Evidence quotes"];
const PAD = 5;

function tooltip() {
  let tip = document.getElementById("matrix-tooltip");
  if (!tip) {
    tip = document.createElement("div");
    tip.id = "matrix-tooltip";
    tip.className = "matrix-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
  }
  return tip;
}

function hideTip() {
  const tip = document.getElementById("matrix-tooltip");
  if (tip) tip.hidden = true;
}

function showTip(state, rect, x, y) {
  const cell = state.cells[Number(rect.dataset.i)];
  if (!cell) return;
  const tip = tooltip();
  const [row, column, ...rest] = cell;
  const values = [state.table.labels[row], state.table.titles[column], ...rest];
  const table = document.createElement("table");
  TIP_FIELDS.forEach((field, i) => {
    const line = table.insertRow();
    const key = line.insertCell();
    key.className = "key";
    key.textContent = field;
    line.insertCell().textContent = String(values[i]);
  });
  tip.replaceChildren(table);
  tip.hidden = false;
  // Beside the pointer (or the focused cell), kept inside the window.
  const width = tip.offsetWidth, height = tip.offsetHeight;
  let left = x + 12, top = y + 12;
  if (left + width > window.innerWidth - 4) left = Math.max(4, x - width - 12);
  if (top + height > window.innerHeight - 4) top = Math.max(4, y - height - 12);
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${top + window.scrollY}px`;
}

// Cut each label longer than its room (data-limit, px) to the longest start that fits with "…".
function fitLabels(svg) {
  const labels = svg.querySelectorAll("text[data-limit]");
  if (!labels.length) return;
  const probe = document.createElementNS(SVG_NS, "text");
  probe.setAttribute("class", "label");
  probe.textContent = "…";
  svg.querySelector(".column-labels").appendChild(probe);
  const ellipsis = probe.getComputedTextLength();
  const cuts = [];
  for (const label of labels) {
    const limit = Number(label.dataset.limit);
    if (label.getComputedTextLength() <= limit) continue;
    const room = limit - ellipsis;
    let low = 0, high = label.getNumberOfChars();
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (label.getSubStringLength(0, middle) <= room) low = middle;
      else high = middle - 1;
    }
    cuts.push([label, label.textContent.slice(0, low).trimEnd() + "…"]);
  }
  probe.remove();
  for (const [label, text] of cuts) label.textContent = text;
}

// The drawing's origin is its first cell: move it so every label is inside the SVG.
function fitDrawing(svg, body) {
  body.removeAttribute("transform");
  const box = body.getBBox();
  const width = Math.ceil(box.width + 2 * PAD), height = Math.ceil(box.height + 2 * PAD);
  body.setAttribute("transform", `translate(${PAD - Math.floor(box.x)},${PAD - Math.floor(box.y)})`);
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
}

function outline(layer, rect, className) {
  const ring = document.createElementNS(SVG_NS, "rect");
  for (const name of ["x", "y", "width", "height", "rx"]) ring.setAttribute(name, rect.getAttribute(name));
  ring.setAttribute("class", className);
  layer.replaceChildren(ring);
}

function ringOpenCell(state, openKey) {
  const layer = state.svg.querySelector(".open_cell_ring_marks");
  const previous = state.open && state.byKey.get(state.open);
  if (previous) previous.removeAttribute("aria-current");
  state.open = openKey || "";
  const rect = state.open && state.byKey.get(state.open);
  if (layer) layer.replaceChildren();
  if (rect) {
    rect.setAttribute("aria-current", "true");
    if (layer) outline(layer, rect, "ring");
  }
  // One cell takes the Tab key's stop: the open one, else the first; not while a cell has the focus.
  if (state.svg.contains(document.activeElement)) return;
  const stop = rect || state.grid.find(Boolean)?.find(Boolean);
  if (state.stop && state.stop !== stop) state.stop.tabIndex = -1;
  if (stop) stop.tabIndex = 0;
  state.stop = stop || null;
}

function draw(state, data) {
  const svg = state.svg;
  svg.innerHTML = data.body;
  state.body = data.body;
  state.table = JSON.parse(data.cells);
  state.cells = state.table.cells;
  state.byKey = new Map();
  state.grid = [];
  state.stop = null;
  state.open = "";
  for (const rect of svg.querySelectorAll("rect.cell")) {
    const [row, column] = state.cells[Number(rect.dataset.i)];
    state.byKey.set(keyOf(state, row, column), rect);
    (state.grid[row] ||= [])[column] = rect;
  }
  const body = svg.querySelector(".matrix-body");
  if (!body) return;
  fitLabels(svg);
  fitDrawing(svg, body);
}

function keyOf(state, row, column) {
  return `${state.table.actors[row]}~${state.table.issues[column]}`;
}

function open(state, rect) {
  const cell = state.cells[Number(rect.dataset.i)];
  const key = cell && keyOf(state, cell[0], cell[1]);
  if (key && key !== state.open) state.send("cell", key);
}

function move(state, rect, key) {
  const [row, column] = state.cells[Number(rect.dataset.i)];
  const rows = state.grid;
  const step = (r, c, dr, dc) => {
    for (r += dr, c += dc; r >= 0 && r < rows.length && c >= 0; r += dr, c += dc) {
      if (dc && c >= (rows[r] || []).length) return null;
      if (rows[r]?.[c]) return rows[r][c];
      if (!dc && !rows[r]) return null;
    }
    return null;
  };
  const line = rows[row] || [];
  const next = {
    ArrowRight: () => step(row, column, 0, 1),
    ArrowLeft: () => step(row, column, 0, -1),
    ArrowDown: () => step(row, column, 1, 0),
    ArrowUp: () => step(row, column, -1, 0),
    Home: () => line.find(Boolean),
    End: () => line.findLast(Boolean),
  }[key]?.();
  if (!next) return;
  rect.tabIndex = -1;
  next.tabIndex = 0;
  state.stop = next;
  next.focus();
}

function wire(host, state) {
  host.addEventListener("click", (event) => {
    const rect = event.target.closest?.("rect.cell");
    if (rect) open(state, rect);
  });
  host.addEventListener("keydown", (event) => {
    const rect = event.target.closest?.("rect.cell");
    if (!rect) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(state, rect);
    } else if (event.key === "Escape") {
      hideTip();
    } else if (["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) {
      event.preventDefault();
      move(state, rect, event.key);
    }
  });
  host.addEventListener("pointerover", (event) => {
    const rect = event.target.closest?.("rect.cell");
    if (rect && event.pointerType !== "touch") showTip(state, rect, event.clientX, event.clientY);
  });
  host.addEventListener("pointermove", (event) => {
    const rect = event.target.closest?.("rect.cell");
    if (rect && event.pointerType !== "touch") showTip(state, rect, event.clientX, event.clientY);
  });
  host.addEventListener("pointerout", (event) => {
    if (!event.relatedTarget?.closest?.("rect.cell")) hideTip();
  });
  host.addEventListener("focusin", (event) => {
    const rect = event.target.closest?.("rect.cell");
    if (!rect) return;
    const layer = state.svg.querySelector(".focus_ring_marks");
    if (layer) outline(layer, rect, "focus");
    rect.setAttribute("aria-describedby", "matrix-tooltip");
    const box = rect.getBoundingClientRect();
    showTip(state, rect, box.right, box.bottom);
  });
  host.addEventListener("focusout", (event) => {
    const rect = event.target.closest?.("rect.cell");
    if (rect) rect.removeAttribute("aria-describedby");
    state.svg.querySelector(".focus_ring_marks")?.replaceChildren();
    hideTip();
  });
}

// The open cell's key is not in the drawing's data (whose message then stays the same from one cell to
// the next, and is sent as a reference to the one the page has): the server writes it into an empty
// hidden mark just before the drawing (matrix_component.open_mark), watched here.
const OPEN_MARK = ".matrix-open-cell";

function markedCell(root) {
  return root.querySelector(OPEN_MARK)?.dataset.cell || "";
}

// The nearest block holding both the drawing and the mark; the page itself if the mark is not found.
function markRoot(host) {
  for (let node = host.parentElement; node; node = node.parentElement) {
    if (node.querySelector(OPEN_MARK)) return node;
  }
  return document.body;
}

function watchMark(host, state) {
  const root = markRoot(host);
  state.markRoot = root;
  state.watcher = new MutationObserver(() => {
    if (!host.isConnected) {
      state.watcher.disconnect();
      return;
    }
    const key = markedCell(root);
    if (key !== state.open) ringOpenCell(state, key);
  });
  state.watcher.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-cell"] });
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let host = parentElement.querySelector(":scope > .stance-matrix");
  if (!host) {
    host = document.createElement("div");
    host.className = "stance-matrix";
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("class", "matrix-svg");
    svg.setAttribute("role", "graphics-document");
    svg.setAttribute("aria-roledescription", "visualization");
    host.appendChild(svg);
    parentElement.appendChild(host);
    host.matrix = {
      svg, body: null, table: null, cells: [], byKey: new Map(), grid: [], open: "", stop: null,
      markRoot: null, watcher: null,
    };
    wire(host, host.matrix);
  }
  const state = host.matrix;
  state.send = setTriggerValue;
  state.svg.setAttribute("aria-label", data.alt);
  if (state.body !== data.body) draw(state, data);
  if (!state.watcher) watchMark(host, state);
  ringOpenCell(state, markedCell(state.markRoot));
  return hideTip;
}
