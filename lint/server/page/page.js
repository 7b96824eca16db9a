// The copy desk's page: paste or open an article, see each finding in place, fix or reject it.
//
// Every value from the article or the server reaches the page as text (textContent, never
// HTML; the server's policy refuses HTML built from strings).  Checks and fixes are the
// server's (/v1/desk/check, /v1/desk/fix): fixes are applied there exactly as --fix applies
// them, so the page never computes an offset of its own.
"use strict";

const SETTINGS_KEY = "newslint.settings";
const DISMISSED_KEY = "newslint.dismissed";
const TOKEN_KEY = "newslint.token";
const MAX_DISMISSED = 5000;
const RECHECK_MS = 600;  // a check this long after typing stops
const EXTENSIONS = { text: "txt", markdown: "md", html: "html" };
const TYPES = { text: "text/plain", markdown: "text/markdown", html: "text/html" };
const FORMAT_NAMES = { text: "plain text", markdown: "Markdown", html: "HTML" };
const OPENABLE = /\.(txt|text|md|markdown|html?)$/i;

const $ = (id) => document.getElementById(id);

const state = {
  answer: null,      // the last check's answer, for the text below
  text: "",          // the text that answer is about
  fileName: null,    // the opened file's name: its suffix gives the format, and the download's name
  fileStyle: { bom: false, crlf: false },  // what the text box drops of the file, put back in the download
  shown: [],         // findings on show (not dismissed), in the list's order
  selected: -1,      // index into shown
  sequence: 0,       // the latest check asked for; older answers are dropped
  timer: 0,
  docs: new Map(),   // rule id -> its documentation
};

// ---- storage -------------------------------------------------------------------------------

function readJSON(storage, key, fallback) {
  try {
    const value = JSON.parse(storage.getItem(key));
    return value === null ? fallback : value;
  } catch (error) {
    return fallback;
  }
}

function settings() {
  const value = readJSON(localStorage, SETTINGS_KEY, {});
  const names = (list) => (Array.isArray(list) ? list.filter((name) => typeof name === "string") : []);
  return {
    locale: typeof value.locale === "string" ? value.locale : "",
    ignore: names(value.ignore),   // families and rules switched off
    extend: names(value.extend),   // rules that are off by default, switched on
  };
}

// The boxes as a selection: an unticked family or rule is ignored; a ticked rule that is off by
// default is added (extend-select), as in newslint.toml.
function saveSettings() {
  const boxes = [...document.querySelectorAll("#families input")];
  const ignore = boxes.filter((box) => !box.checked && (box.dataset.kind === "family" || box.dataset.default === "on")).map((box) => box.value);
  const extend = boxes.filter((box) => box.checked && box.dataset.default === "off").map((box) => box.value);
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ locale: $("locale").value, ignore, extend }));
}

function dismissed() {
  const list = readJSON(localStorage, DISMISSED_KEY, []);
  return new Set(Array.isArray(list) ? list : []);
}

function dismiss(fingerprint) {
  const list = [...dismissed()].filter((f) => f !== fingerprint);
  list.push(fingerprint);
  localStorage.setItem(DISMISSED_KEY, JSON.stringify(list.slice(-MAX_DISMISSED)));
}

// The token of a server that asks for one arrives in the address (/?token=...): it is kept for
// this tab only and taken out of the address bar, then sent with every request.
function takeToken() {
  const params = new URLSearchParams(location.search);
  if (params.has("token")) {
    sessionStorage.setItem(TOKEN_KEY, params.get("token"));
    params.delete("token");
    const rest = params.toString();
    history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  }
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: "Bearer " + token } : {};
}

// ---- the server ----------------------------------------------------------------------------

async function api(path, body) {
  const answer = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? authHeaders() : { "Content-Type": "application/json", ...authHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const type = answer.headers.get("Content-Type") || "";
  const value = type.startsWith("application/json") ? await answer.json() : await answer.text();
  if (!answer.ok) {
    const message = typeof value === "object" && value !== null ? value.error : String(value);
    throw new Error(answer.status === 401 ? "The server needs its token: open the address newslint serve printed. (" + message + ")" : message);
  }
  return value;
}

function requestFor(text) {
  const chosen = settings();
  const body = { text };
  if (state.fileName) body.path = state.fileName;
  if (chosen.locale) body.locale = chosen.locale;
  if (chosen.ignore.length) body.ignore = chosen.ignore;
  if (chosen.extend.length) body["extend-select"] = chosen.extend;
  return body;
}

function setStatus(message, isError) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
}

async function check() {
  clearTimeout(state.timer);
  const text = $("article").value;
  const sequence = ++state.sequence;
  document.body.dataset.state = "checking";
  setStatus("Checking…");
  try {
    const answer = await api("/v1/desk/check", requestFor(text));
    if (sequence !== state.sequence) return;
    show(text, answer);
  } catch (error) {
    if (sequence !== state.sequence) return;
    document.body.dataset.state = "error";
    setStatus(error.message, true);
  }
}

async function applyFixes(extra, what) {
  const current = state.answer;
  if (!current) return;
  const text = state.text;
  const gone = dismissed();
  const sequence = ++state.sequence;
  document.body.dataset.state = "checking";
  const body = { ...requestFor(text), ...extra, dismissed: current.findings.map((f) => f.fingerprint).filter((f) => gone.has(f)) };
  try {
    const answer = await api("/v1/desk/fix", body);
    if (sequence !== state.sequence) return;
    const position = state.selected;
    $("article").value = answer.text;
    show(answer.text, answer.check, position >= 0 ? position : undefined);
    const left = answer.not_applied ? `; ${answer.not_applied} not applied (they overlap another fix or reach beyond their lines)` : "";
    setStatus(answer.fixed ? `${what}: fixed ${answer.fixed} problem${answer.fixed === 1 ? "" : "s"}${left}.` : `Nothing to fix${left}.`);
  } catch (error) {
    if (sequence !== state.sequence) return;
    document.body.dataset.state = "error";
    setStatus(error.message, true);
  }
}

// ---- showing a check -----------------------------------------------------------------------

function show(text, answer, keepPosition) {
  state.text = text;
  state.answer = answer;
  const gone = dismissed();
  const visible = answer.findings.filter((f) => !gone.has(f.fingerprint));
  // The list is grouped by family, families in the order they first appear, each in reading order.
  const families = [];
  for (const finding of visible) if (!families.includes(finding.family)) families.push(finding.family);
  state.shown = families.flatMap((family) => visible.filter((f) => f.family === family));
  state.shown.forEach((finding, index) => { finding.index = index; });

  renderCounts(families);
  renderView(text);
  renderList(families);
  renderStats(answer.stats);
  const hidden = answer.findings.length - visible.length;
  $("dismissed").textContent = hidden ? `(${hidden} rejected)` : "";
  const format = FORMAT_NAMES[answer.format] || answer.format;
  const errors = answer.errors.length ? " " + answer.errors.join("; ") : "";
  setStatus(`Read as ${format}: ${visible.length} finding${visible.length === 1 ? "" : "s"}.${errors}`, Boolean(errors));
  $("accept-safe").disabled = !visible.some((f) => f.fix && f.fix.applicability === "safe");
  $("copy").disabled = $("download").disabled = false;

  state.selected = -1;
  if (keepPosition !== undefined && state.shown.length) select(Math.min(Math.max(keepPosition, 0), state.shown.length - 1), false);
  else showDetail(null);
  document.body.dataset.state = "ready";
  document.body.dataset.checks = String(Number(document.body.dataset.checks) + 1);
}

function element(tag, properties, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties || {})) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children || []) node.append(child);  // strings become text nodes
  return node;
}

function renderCounts(families) {
  const items = families.map((family) => {
    const count = state.shown.filter((f) => f.family === family).length;
    return element("li", { className: "count fam-" + family, dataset: { family } },
      [element("span", { className: "swatch", "aria-hidden": "true" }), family + " ", element("strong", {}, [String(count)])]);
  });
  if (!items.length) items.push(element("li", { className: "count" }, ["No findings"]));
  $("counts").replaceChildren(...items);
}

// The text cut at every finding's start and end; each piece inside findings is one <mark>,
// coloured by the innermost of them (the shortest span).
function renderView(text) {
  const spans = state.shown.map((f) => {
    let start = Math.min(f.start, text.length), end = Math.min(f.end, text.length);
    if (end <= start) { start = Math.max(0, Math.min(start, text.length - 1)); end = start + 1; }  // a point: mark one character
    return { finding: f, start, end };
  });
  const cuts = new Set([0, text.length]);
  for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) { nodes.push(piece); continue; }
    covering.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const inner = covering[0].finding;
    const mark = element("mark", {
      className: `fam-${inner.family} sev-${inner.severity}`,
      dataset: { findings: covering.map((s) => s.finding.index).join(" "), rule: inner.rule, fingerprint: inner.fingerprint },
    }, [piece]);
    mark.title = covering.map((s) => `${s.finding.rule}: ${s.finding.message}`).join("\n");
    nodes.push(mark);
  }
  $("view").replaceChildren(...nodes);
}

function renderList(families) {
  const groups = families.map((family) => {
    const items = state.shown.filter((f) => f.family === family).map((f) => element("li", {}, [
      element("button", { type: "button", className: `item sev-${f.severity}`, dataset: { index: String(f.index), fingerprint: f.fingerprint, rule: f.rule } }, [
        element("span", { className: "where" }, [`${f.line}:${f.column}`]),
        element("span", { className: "badge sev-" + f.severity }, [f.severity]),
        element("span", { className: "rule" }, [f.rule.split("/")[1]]),
        element("span", { className: "message" }, [f.message]),
      ]),
    ]));
    return element("section", { className: "group fam-" + family, "aria-label": family }, [
      element("h3", {}, [element("span", { className: "swatch", "aria-hidden": "true" }), `${family} (${items.length})`]),
      element("ul", {}, items),
    ]);
  });
  if (!groups.length) groups.push(element("p", { className: "muted" }, ["Nothing to report."]));
  $("list").replaceChildren(...groups);
}

const FIGURES = [
  ["words", "Words"], ["sentences", "Sentences"], ["mean_sentence_words", "Words per sentence"],
  ["flesch_reading_ease", "Flesch reading ease"], ["flesch_kincaid_grade", "Flesch-Kincaid grade"], ["long_sentences", "Long sentences"],
];

function renderStats(stats) {
  $("stats").replaceChildren(...FIGURES.flatMap(([key, label]) => [
    element("dt", {}, [label]), element("dd", { dataset: { figure: key } }, [stats[key] === null ? "–" : String(stats[key])]),
  ]));
}

// ---- selecting a finding -------------------------------------------------------------------

function select(index, scroll = true) {
  if (index < 0 || index >= state.shown.length) return;
  state.selected = index;
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const mark of document.querySelectorAll("#view mark")) {
    if (mark.dataset.findings.split(" ").includes(String(index))) mark.classList.add("selected");
  }
  const item = document.querySelector(`#list button[data-index="${index}"]`);
  item.classList.add("selected");
  item.setAttribute("aria-current", "true");
  for (const other of document.querySelectorAll("#list button[aria-current]")) if (other !== item) other.removeAttribute("aria-current");
  if (scroll) {
    item.scrollIntoView({ block: "nearest" });
    const mark = document.querySelector("#view mark.selected");
    if (mark) mark.scrollIntoView({ block: "nearest" });
  }
  showDetail(state.shown[index]);
}

function showDetail(finding) {
  $("detail-empty").hidden = Boolean(finding);
  $("detail-body").hidden = !finding;
  if (!finding) return;
  const severity = $("detail-severity");
  severity.textContent = finding.severity;
  severity.className = "badge sev-" + finding.severity;
  const link = $("detail-link");
  link.textContent = finding.rule;
  link.href = ruleURL("/rules/", finding.rule);
  $("detail-message").textContent = `Line ${finding.line}, column ${finding.column}: ${finding.message}`;
  const fix = finding.fix;
  $("fix-preview").hidden = !fix;
  $("accept").disabled = !fix;
  if (fix) {
    const old = state.text.slice(fix.start, fix.end);
    $("fix-old").textContent = old || "(nothing)";
    $("fix-new").textContent = fix.replacement || "(deleted)";
    const safety = $("fix-safety");
    safety.textContent = fix.applicability === "safe" ? "safe" : "unsafe: a judgement, check it";
    safety.className = "badge " + (fix.applicability === "safe" ? "safe" : "unsafe");
  }
  showDoc(finding.rule);
}

function ruleURL(prefix, rule) {
  return prefix + rule.split("/").map(encodeURIComponent).join("/");
}

async function showDoc(rule) {
  const target = $("doc-text");
  if (!state.docs.has(rule)) {
    target.textContent = "Loading…";
    try {
      state.docs.set(rule, await api(ruleURL("/v1/rules/", rule)));
    } catch (error) {
      target.textContent = error.message;
      return;
    }
  }
  if (state.selected >= 0 && state.shown[state.selected].rule === rule) target.textContent = state.docs.get(rule);
}

function move(step) {
  if (!state.shown.length) return;
  const next = state.selected < 0 ? (step > 0 ? 0 : state.shown.length - 1) : (state.selected + step + state.shown.length) % state.shown.length;
  select(next);
}

function acceptSelected() {
  const finding = state.shown[state.selected];
  if (finding && finding.fix) applyFixes({ accept: [finding.fingerprint] }, "Accepted");
  else if (finding) setStatus("This finding has no fix: edit the text, or reject it (r).");
}

function rejectSelected() {
  const finding = state.shown[state.selected];
  if (!finding) return;
  const position = state.selected;
  dismiss(finding.fingerprint);
  show(state.text, state.answer, position);
  setStatus(`Rejected ${finding.rule} at line ${finding.line}: it stays dismissed for this text.`);
}

// ---- getting text in and out ---------------------------------------------------------------

async function openFile(file) {
  if (!file) return;
  if (!OPENABLE.test(file.name)) {
    setStatus(`${file.name}: not a .txt, .md or .html file`, true);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);  // drops a BOM
  } catch (error) {
    setStatus(`${file.name}: not UTF-8 text`, true);
    return;
  }
  // A text box keeps "\n" line ends only; the download gives the file its own back.
  state.fileStyle = { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, crlf: text.includes("\r\n") };
  $("article").value = text;
  state.fileName = file.name;
  check();
}

function downloadName() {
  if (state.fileName) return state.fileName;
  return "article." + (EXTENSIONS[state.answer && state.answer.format] || "txt");
}

function download() {
  const format = state.answer ? state.answer.format : "text";
  let text = $("article").value;
  if (state.fileStyle.crlf) text = text.replace(/\r?\n/g, "\r\n");
  if (state.fileStyle.bom) text = "\ufeff" + text;
  const blob = new Blob([text], { type: (TYPES[format] || "text/plain") + ";charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = element("a", { href: url, download: downloadName() });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copy() {
  const text = $("article").value;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    $("article").select();
    document.execCommand("copy");
  }
  setStatus("The text is copied.");
}

// ---- wiring --------------------------------------------------------------------------------

function typing(target) {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !["checkbox", "radio", "button"].includes(target.type));
}

function onKey(event) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    check();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const actions = { j: () => move(1), k: () => move(-1), a: acceptSelected, r: rejectSelected };
  const action = actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
}

async function loadFamilies() {
  const chosen = settings();
  $("locale").value = chosen.locale;
  let rules = [];
  try {
    rules = await api("/v1/rules");
  } catch (error) {
    setStatus(error.message, true);
  }
  const changed = () => { saveSettings(); check(); };
  const families = [...new Set(rules.map((rule) => rule.id.split("/")[0]))].sort();
  $("families").append(...families.map((family) => {
    const familyBox = element("input", { type: "checkbox", id: "family-" + family, value: family, dataset: { kind: "family" } });
    familyBox.checked = !chosen.ignore.includes(family);
    familyBox.addEventListener("change", changed);
    const ruleBoxes = rules.filter((rule) => rule.id.split("/")[0] === family).map((rule) => {
      const box = element("input", { type: "checkbox", id: "rule-" + rule.id.replace("/", "-"), value: rule.id,
                                      dataset: { kind: "rule", default: rule.enabled ? "on" : "off" } });
      box.checked = rule.enabled ? !chosen.ignore.includes(rule.id) : chosen.extend.includes(rule.id);
      box.addEventListener("change", changed);
      const name = rule.id.split("/")[1] + (rule.enabled ? "" : " (off by default)");
      return element("label", { className: "rule-choice", for: box.id, title: rule.summary }, [box, " " + name]);
    });
    return element("div", { className: "family-group fam-" + family }, [
      element("label", { className: "family", for: familyBox.id }, [familyBox, element("span", { className: "swatch", "aria-hidden": "true" }), " " + family]),
      element("details", {}, [element("summary", {}, [`${ruleBoxes.length} rule${ruleBoxes.length === 1 ? "" : "s"}`]), ...ruleBoxes]),
    ]);
  }));
}

function start() {
  takeToken();
  loadFamilies();
  const article = $("article");
  $("check").addEventListener("click", check);
  article.addEventListener("input", () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, RECHECK_MS);
  });
  article.addEventListener("dragover", (event) => { event.preventDefault(); article.classList.add("dropping"); });
  article.addEventListener("dragleave", () => article.classList.remove("dropping"));
  article.addEventListener("drop", (event) => {
    event.preventDefault();
    article.classList.remove("dropping");
    openFile(event.dataTransfer.files[0]);
  });
  $("file").addEventListener("change", (event) => openFile(event.target.files[0]));
  $("locale").addEventListener("change", () => { saveSettings(); check(); });
  $("view").addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (mark) select(innermost(mark));
  });
  $("list").addEventListener("click", (event) => {
    const item = event.target.closest("button[data-index]");
    if (item) select(Number(item.dataset.index));
  });
  $("accept").addEventListener("click", acceptSelected);
  $("reject").addEventListener("click", rejectSelected);
  $("accept-safe").addEventListener("click", () => applyFixes({ safe: true }, "Accepted all safe fixes"));
  $("download").addEventListener("click", download);
  $("copy").addEventListener("click", copy);
  document.addEventListener("keydown", onKey);
}

// The finding a click on a mark means: the innermost one there (the mark is coloured by it).
function innermost(mark) {
  const finding = state.shown.find((f) => f.fingerprint === mark.dataset.fingerprint);
  return finding ? finding.index : Number(mark.dataset.findings.split(" ")[0]);
}

document.addEventListener("DOMContentLoaded", start);
