// The live page of docs/observability.md: no framework, no build step, no third-party code.
// The admin token lives in this tab's sessionStorage and goes out only as a bearer header.
"use strict";

const TOKEN_KEY = "shortlease.adminToken";
const POLL_MS = 2000;
const SVG = "http://www.w3.org/2000/svg";
const SERIES = [
  ["chats_running", "series-chats"],
  ["model_calls", "series-model"],
  ["active", "series-active"],
  ["idle", "series-idle"],
  ["pending", "series-pending"],
];
let timer = null;

function $(id) {
  return document.getElementById(id);
}

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function clear(svg) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
}

function showBoard(signedIn) {
  $("login").hidden = signedIn;
  $("board").hidden = !signedIn;
  $("logout").hidden = !signedIn;
}

async function fetchActivity() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const answer = await fetch("/admin/activity?chats=12", {
    headers: { Authorization: "Bearer " + token },
    cache: "no-store",
  });
  if (answer.status === 401) {
    signOut("That token was refused.");
    return null;
  }
  if (!answer.ok) throw new Error("HTTP " + answer.status);
  return answer.json();
}

async function refresh() {
  try {
    const data = await fetchActivity();
    if (!data) return;
    drawInflight(data.samples || []);
    drawLeases(data.lease_millis || []);
    drawTimeline(data.chats || []);
    $("status").textContent = "updated " + new Date().toLocaleTimeString();
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  } catch (e) {
    $("status").textContent = "update failed: " + e.message;
  }
}

function drawInflight(samples) {
  const svg = $("inflight");
  clear(svg);
  const w = 960, h = 240, left = 40, right = 10, top = 10, bottom = 24;
  svg.appendChild(el("line", { class: "axis", x1: left, y1: h - bottom, x2: w - right, y2: h - bottom }));
  if (samples.length === 0) {
    svg.appendChild(el("text", { x: left + 8, y: h / 2 }, "no samples yet"));
    return;
  }
  const t0 = samples[0].at_millis, t1 = Math.max(samples[samples.length - 1].at_millis, t0 + 1000);
  let max = 1;
  for (const s of samples) for (const [key] of SERIES) max = Math.max(max, s[key]);
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (w - left - right);
  const y = (v) => h - bottom - (v / max) * (h - top - bottom);
  svg.appendChild(el("text", { x: 4, y: top + 10 }, String(max)));
  svg.appendChild(el("text", { x: 4, y: h - bottom }, "0"));
  svg.appendChild(el("text", { x: left, y: h - 6 }, new Date(t0).toLocaleTimeString()));
  svg.appendChild(el("text", { x: w - right - 60, y: h - 6 }, new Date(t1).toLocaleTimeString()));
  for (const [key, cls] of SERIES) {
    const points = samples.map((s) => x(s.at_millis).toFixed(1) + "," + y(s[key]).toFixed(1));
    const line = el("polyline", { class: cls, points: points.join(" ") });
    line.dataset.series = key;
    line.appendChild(el("title", {}, key));
    svg.appendChild(line);
  }
}

function drawLeases(buckets) {
  const svg = $("leases");
  clear(svg);
  const w = 960, h = 200, left = 40, bottom = 24, top = 10;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = (w - left - 10) / Math.max(1, buckets.length);
  buckets.forEach((bucket, i) => {
    const height = (bucket.count / max) * (h - top - bottom);
    const label = bucket.up_to_millis == null ? "more" : "≤" + bucket.up_to_millis + " ms";
    const bar = el("rect", {
      class: "bar",
      x: (left + i * slot + 2).toFixed(1),
      y: (h - bottom - height).toFixed(1),
      width: (slot - 4).toFixed(1),
      height: height.toFixed(1),
    });
    bar.dataset.count = String(bucket.count);
    bar.appendChild(el("title", {}, label + ": " + bucket.count));
    svg.appendChild(bar);
    svg.appendChild(el("text", { x: (left + i * slot + 4).toFixed(1), y: h - 8 }, label));
    if (bucket.count > 0) {
      svg.appendChild(el("text", { x: (left + i * slot + 4).toFixed(1), y: (h - bottom - height - 3).toFixed(1) }, String(bucket.count)));
    }
  });
}

function drawTimeline(chats) {
  const svg = $("timeline");
  clear(svg);
  const w = 960, left = 90, right = 10, row = 22, top = 8, bottom = 22;
  const h = top + bottom + Math.max(1, chats.length) * row;
  svg.setAttribute("viewBox", "0 0 " + w + " " + h);
  if (chats.length === 0) {
    svg.appendChild(el("text", { x: 8, y: top + 14 }, "no chat has called the model yet"));
    return;
  }
  let t0 = Infinity, t1 = -Infinity;
  for (const chat of chats) for (const i of chat.intervals) {
    t0 = Math.min(t0, i.start_millis);
    t1 = Math.max(t1, i.end_millis);
  }
  t1 = Math.max(t1, t0 + 1);
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (w - left - right);
  svg.appendChild(el("text", { x: left, y: h - 6 }, "0 ms"));
  svg.appendChild(el("text", { x: w - right - 70, y: h - 6 }, (t1 - t0).toFixed(0) + " ms"));
  chats.forEach((chat, r) => {
    const y = top + r * row;
    const group = el("g", { class: "chat" });
    group.dataset.chat = chat.id;
    group.appendChild(el("text", { x: 4, y: y + 14 }, chat.id));
    // Model calls first, so the short leases are drawn on top and stay visible.
    const ordered = [...chat.intervals].sort((a, b) => (a.kind === "model" ? -1 : 1) - (b.kind === "model" ? -1 : 1));
    for (const i of ordered) {
      const x0 = x(i.start_millis);
      const rect = el("rect", {
        class: i.kind,
        x: x0.toFixed(2),
        y: i.kind === "model" ? y + 4 : y + 2,
        width: Math.max(2, x(i.end_millis) - x0).toFixed(2),
        height: i.kind === "model" ? row - 10 : row - 6,
      });
      rect.dataset.start = String(i.start_millis);
      rect.dataset.end = String(i.end_millis);
      rect.appendChild(el("title", {}, i.kind + " " + (i.end_millis - i.start_millis).toFixed(2) + " ms: " + i.label));
      group.appendChild(rect);
    }
    svg.appendChild(group);
  });
}

function start() {
  showBoard(true);
  $("status").textContent = "loading…";
  refresh();
  if (timer === null) timer = setInterval(refresh, POLL_MS);
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  if (timer !== null) clearInterval(timer);
  timer = null;
  showBoard(false);
  $("status").textContent = "not signed in";
  const error = $("login-error");
  error.hidden = !message;
  error.textContent = message || "";
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    const token = $("token").value.trim();
    $("token").value = "";
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    $("login-error").hidden = true;
    start();
  });
  $("logout").addEventListener("click", () => signOut(""));
  if (sessionStorage.getItem(TOKEN_KEY)) start();
});
