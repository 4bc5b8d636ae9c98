// util.js — formatting and small DOM helpers (no schedule logic).

export const $ = (id) => document.getElementById(id);

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

const pad = (n, w = 2) => String(n).padStart(w, '0');
const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// "2026-01-01T08:00:00Z" (RFC 3339, whole seconds), as Kubernetes prints times.
export function fmtUTC(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// "+05:30", "−05:00"
export function fmtOffset(sec) {
  const sign = sec < 0 ? '−' : '+';
  const a = Math.abs(sec);
  return `${sign}${pad(Math.floor(a / 3600))}:${pad(Math.floor((a % 3600) / 60))}`;
}

// Wall-clock parts of Unix second `t` at UTC offset `off` seconds.
export function wall(t, off) {
  const d = new Date((t + off) * 1000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    dow: DOW[d.getUTCDay()],
  };
}

// "Sat 2026-03-07 02:30:00 −05:00"
export function fmtWall(t, off) {
  const w = wall(t, off);
  return `${w.dow} ${w.date} ${w.time} ${fmtOffset(off)}`;
}

// <input type="datetime-local"> values are read and written as UTC here.
export function localInputToMs(v) {
  if (!v) return NaN;
  const s = v.length === 16 ? `${v}:00` : v;
  return Date.parse(`${s}Z`);
}
export function msToLocalInput(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

// "5s", "1m30s", "2h", "1d3h" (short human spans for the timeline).
export function fmtSpan(ms) {
  let s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const parts = [];
  for (const [u, n] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    if (s >= n) { parts.push(`${Math.floor(s / n)}${u}`); s %= n; }
    if (parts.length === 2) break;
  }
  return parts.join('');
}

// UTF-8 <-> base64url, for manifests in the permalink.
export function b64urlEncode(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function b64urlDecode(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
