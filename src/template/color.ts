/** Colours as DrawingML gives them (scheme colours with lumMod/lumOff/tint/shade) → RRGGBB. */

const hex = (n: number) =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0')
    .toUpperCase();

const rgbOf = (c: string): [number, number, number] => {
  const n = parseInt(c, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const toHex = ([r, g, b]: [number, number, number]) => hex(r) + hex(g) + hex(b);

function toHsl([r, g, b]: [number, number, number]): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): [number, number, number] {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const f = (t: number) => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [f(h + 1 / 3) * 255, f(h) * 255, f(h - 1 / 3) * 255];
}

/** Apply DrawingML colour changes (`<a:lumMod val="75000"/>`…) written inside a colour element. */
export function applyMods(color: string, inner: string): string {
  let rgb = rgbOf(color);
  for (const m of inner.matchAll(/<a:(lumMod|lumOff|tint|shade)\s+val="(\d+)"/g)) {
    const v = Number(m[2]) / 100000;
    if (m[1] === 'tint') rgb = rgb.map((c) => c + (255 - c) * (1 - v)) as typeof rgb;
    else if (m[1] === 'shade') rgb = rgb.map((c) => c * v) as typeof rgb;
    else {
      const hsl = toHsl(rgb);
      hsl[2] = m[1] === 'lumMod' ? hsl[2] * v : Math.min(1, hsl[2] + v);
      rgb = fromHsl(hsl);
    }
  }
  return toHex(rgb);
}

/** `a` moved towards `b` by `t` (0–1). */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgbOf(a), rgbOf(b)];
  return toHex([0, 1, 2].map((i) => x[i]! + (y[i]! - x[i]!) * t) as [number, number, number]);
}

function luminance(c: string): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgbOf(c);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `c`, darkened (on a light ground) or lightened (on a dark one) until it reads on `ground`. */
export function readableOn(c: string, ground: string, ratio: number): string {
  const towards = luminance(ground) > 0.3 ? '000000' : 'FFFFFF';
  let out = c;
  for (let t = 0.1; contrast(out, ground) < ratio && t <= 1.001; t += 0.1) out = mix(c, towards, t);
  return out;
}
